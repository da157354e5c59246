using CoachBot.Core.Resilience;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Teams.Tests.Connector;

/// <summary>
/// The connector's resilience pipeline (ADR 0029) over real HTTP against a Kestrel fake connector, on a fake clock
/// advanced by the test: which answers are retried, how often, and how long it waits.
/// </summary>
public sealed class TeamsConnectorRetryTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private FakeConnector.FakeConnector _fake = null!;
    private readonly ConnectorTestKit _kit;

    public TeamsConnectorRetryTests() => _kit = new ConnectorTestKit(time: _time);

    public async Task InitializeAsync()
    {
        _fake = await FakeConnector.FakeConnector.StartAsync();
        _kit.Trust.Trust(_fake.ServiceUrl);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _kit.Dispose();

    private static Activity Message() => new() { Type = "message", Text = "x" };

    /// <summary>Sends one message to <paramref name="serviceUrl"/> (the fake by default) while advancing the fake clock.</summary>
    private async Task<string?> SendAsync(Uri? serviceUrl = null)
    {
        var send = _kit.Client.SendAsync(serviceUrl ?? _fake.ServiceUrl, "conv", Message(), CancellationToken.None);
        await ConnectorTestKit.RunAdvancingAsync(_time, send);
        return await send;
    }

    private Task<TeamsConnectorException> SendFailingAsync(Uri? serviceUrl = null) =>
        Assert.ThrowsAsync<TeamsConnectorException>(() => SendAsync(serviceUrl));

    [Fact]
    public async Task A_connector_answering_503_twice_then_200_gets_the_message_delivered_once()
    {
        _fake.FailNext(503, times: 2);

        var id = await SendAsync();

        Assert.Equal(3, _fake.Requests.Count);
        Assert.All(_fake.Requests, r => Assert.Equal($"Bearer {StubTokenProvider.Token}", r.Authorization));
        // The fake numbers the activities it stored: the first and only one is the delivered message.
        Assert.Equal("activity-1", id);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Transient_failures_are_retried_up_to_four_attempts(int status)
    {
        _fake.FailNext(status, times: 3);

        var id = await SendAsync();

        Assert.Equal(TeamsConnectorServiceCollectionExtensions.MaxAttempts, _fake.Requests.Count);
        Assert.Equal("activity-1", id);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(412)]
    public async Task Client_errors_are_not_retried(int status)
    {
        _fake.FailNext(status, times: 2);

        var ex = await SendFailingAsync();

        Assert.Equal(status, ex.StatusCode);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task A_gateway_timeout_on_a_send_is_not_retried_because_the_message_may_be_stored()
    {
        _fake.FailNext(504, times: 2);

        var ex = await SendFailingAsync();

        Assert.Equal(504, ex.StatusCode);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_up_to_four_attempts()
    {
        var closed = new Uri($"http://127.0.0.1:{ClosedPort.Next()}/");
        _kit.Trust.Trust(closed);
        // Nothing listens there to count requests, so a roomy budget counts the attempts instead.
        using var budget = AttemptBudget.Begin(10);

        var ex = await SendFailingAsync(closed);

        Assert.Equal(0, ex.StatusCode);
        Assert.False(ex.IsPermanent);
        Assert.Equal(TeamsConnectorServiceCollectionExtensions.MaxAttempts, budget.Budget.Used);
    }

    [Fact]
    public async Task Gives_up_after_four_attempts()
    {
        _fake.FailNext(502, times: 5);

        var ex = await SendFailingAsync();

        Assert.Equal(502, ex.StatusCode);
        Assert.False(ex.IsPermanent);
        Assert.Equal(4, _fake.Requests.Count);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_after_is_honoured(int status)
    {
        _fake.FailNext(status, retryAfterSeconds: 20);

        var before = _time.GetUtcNow();
        await SendAsync();
        var advanced = _time.GetUtcNow() - before;

        // Without the header the first backoff is about a second; Retry-After asks for 20 s of the fake clock.
        Assert.Equal(2, _fake.Requests.Count);
        Assert.True(advanced >= TimeSpan.FromSeconds(20), $"advanced only {advanced}");
    }

    [Fact]
    public async Task A_retry_after_beyond_a_minute_is_not_waited_for()
    {
        _fake.FailNext(429, retryAfterSeconds: 3600);

        var ex = await SendFailingAsync();

        Assert.Equal(429, ex.StatusCode);
        Assert.True(ex.IsWorthRetrying);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task A_connector_that_keeps_failing_opens_the_circuit_and_later_calls_do_not_reach_it()
    {
        _fake.FailNext(503, times: 1000);

        TeamsConnectorException? broken = null;
        for (var call = 0; call < 10 && broken is null; call++)
        {
            var ex = await SendFailingAsync();
            broken = ex.InnerException is Polly.CircuitBreaker.BrokenCircuitException ? ex : null;
        }

        Assert.NotNull(broken);
        Assert.False(broken.IsPermanent);
        var reached = _fake.Requests.Count;
        var rejected = await SendFailingAsync();
        Assert.IsType<Polly.CircuitBreaker.BrokenCircuitException>(rejected.InnerException);
        Assert.Equal(reached, _fake.Requests.Count);
    }
}
