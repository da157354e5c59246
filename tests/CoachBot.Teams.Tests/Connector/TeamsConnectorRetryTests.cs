using CoachBot.Core.Resilience;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Teams.Tests.Connector;

/// <summary>
/// The connector's resilience pipeline (ADR 0029) over real HTTP against a Kestrel fake connector, on a fake clock
/// advanced by the test: which answers are retried, how often, and how long it waits.
/// </summary>
public sealed class TeamsConnectorRetryTests : IAsyncLifetime
{
    private FakeConnector.FakeConnector _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeConnector.FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static Activity Message() => new() { Type = "message", Text = "x" };

    [Fact]
    public async Task A_connector_answering_503_twice_then_200_gets_the_message_delivered_once()
    {
        var time = new FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        kit.Trust.Trust(_fake.ServiceUrl);
        _fake.FailNext(503, times: 2);

        var send = kit.Client.SendAsync(_fake.ServiceUrl, "conv", Message(), CancellationToken.None);
        await ConnectorTestKit.RunAdvancingAsync(time, send);

        Assert.Equal(3, _fake.Requests.Count);
        Assert.All(_fake.Requests, r => Assert.Equal($"Bearer {StubTokenProvider.Token}", r.Authorization));
        // The fake numbers the activities it stored: the first and only one is the delivered message.
        Assert.Equal("activity-1", await send);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_failures_are_retried_up_to_four_attempts(int status)
    {
        var time = new FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        kit.Trust.Trust(_fake.ServiceUrl);
        _fake.FailNext(status, times: 3);

        var send = kit.Client.SendAsync(_fake.ServiceUrl, "conv", Message(), CancellationToken.None);
        await ConnectorTestKit.RunAdvancingAsync(time, send);

        Assert.Equal(TeamsConnectorServiceCollectionExtensions.MaxAttempts, _fake.Requests.Count);
        Assert.Equal("activity-1", await send);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(412)]
    public async Task Client_errors_are_not_retried(int status)
    {
        using var kit = new ConnectorTestKit();
        kit.Trust.Trust(_fake.ServiceUrl);
        _fake.FailNext(status, times: 2);

        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(
            () => kit.Client.SendAsync(_fake.ServiceUrl, "conv", Message(), CancellationToken.None));

        Assert.Equal(status, ex.StatusCode);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_up_to_four_attempts()
    {
        var time = new FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        var closed = new Uri($"http://127.0.0.1:{ClosedPort.Next()}/");
        kit.Trust.Trust(closed);
        // Nothing listens there to count requests, so a roomy budget counts the attempts instead.
        using var budget = AttemptBudget.Begin(10);

        var send = kit.Client.SendAsync(closed, "conv", Message(), CancellationToken.None);
        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => ConnectorTestKit.RunAdvancingAsync(time, send));

        Assert.Equal(0, ex.StatusCode);
        Assert.False(ex.IsPermanent);
        Assert.Equal(TeamsConnectorServiceCollectionExtensions.MaxAttempts, budget.Budget.Used);
    }

    [Fact]
    public async Task Gives_up_after_four_attempts()
    {
        var time = new FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        kit.Trust.Trust(_fake.ServiceUrl);
        _fake.FailNext(502, times: 5);

        var send = kit.Client.SendAsync(_fake.ServiceUrl, "conv", Message(), CancellationToken.None);
        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => ConnectorTestKit.RunAdvancingAsync(time, send));

        Assert.Equal(502, ex.StatusCode);
        Assert.False(ex.IsPermanent);
        Assert.Equal(4, _fake.Requests.Count);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_after_is_honoured(int status)
    {
        var time = new FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        kit.Trust.Trust(_fake.ServiceUrl);
        _fake.FailNext(status, retryAfterSeconds: 20);

        var send = kit.Client.SendAsync(_fake.ServiceUrl, "conv", Message(), CancellationToken.None);
        var advanced = await ConnectorTestKit.RunAdvancingAsync(time, send);

        // Without the header the first backoff is about a second; Retry-After asks for 20 s of the fake clock.
        Assert.Equal(2, _fake.Requests.Count);
        Assert.True(advanced >= TimeSpan.FromSeconds(20), $"advanced only {advanced}");
    }

    [Fact]
    public async Task A_retry_after_beyond_a_minute_is_not_waited_for()
    {
        var time = new FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        kit.Trust.Trust(_fake.ServiceUrl);
        _fake.FailNext(429, retryAfterSeconds: 3600);

        var send = kit.Client.SendAsync(_fake.ServiceUrl, "conv", Message(), CancellationToken.None);
        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => ConnectorTestKit.RunAdvancingAsync(time, send));

        Assert.Equal(429, ex.StatusCode);
        Assert.True(ex.IsWorthRetrying);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task A_connector_that_keeps_failing_opens_the_circuit_and_later_calls_do_not_reach_it()
    {
        var time = new FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        kit.Trust.Trust(_fake.ServiceUrl);
        _fake.FailNext(503, times: 1000);

        TeamsConnectorException? broken = null;
        for (var call = 0; call < 10 && broken is null; call++)
        {
            var send = kit.Client.SendAsync(_fake.ServiceUrl, "conv", Message(), CancellationToken.None);
            var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => ConnectorTestKit.RunAdvancingAsync(time, send));
            broken = ex.InnerException is Polly.CircuitBreaker.BrokenCircuitException ? ex : null;
        }

        Assert.NotNull(broken);
        Assert.False(broken.IsPermanent);
        var reached = _fake.Requests.Count;
        var rejected = await Assert.ThrowsAsync<TeamsConnectorException>(
            () => kit.Client.SendAsync(_fake.ServiceUrl, "conv", Message(), CancellationToken.None));
        Assert.IsType<Polly.CircuitBreaker.BrokenCircuitException>(rejected.InnerException);
        Assert.Equal(reached, _fake.Requests.Count);
    }
}
