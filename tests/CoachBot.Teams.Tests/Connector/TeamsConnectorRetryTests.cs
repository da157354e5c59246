using CoachBot.Teams.Connector;
using CoachBot.Teams.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Teams.Tests.Connector;

public sealed class TeamsConnectorRetryTests : IAsyncLifetime
{
    private FakeConnector.FakeConnector _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeConnector.FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Retryable_failures_are_retried_up_to_four_attempts(int status)
    {
        var time = new FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        kit.Trust.Trust(_fake.ServiceUrl);
        _fake.FailNext(status, times: 3);

        var send = kit.Client.SendAsync(_fake.ServiceUrl, "conv", new Activity { Type = "message", Text = "x" }, CancellationToken.None);
        await ConnectorTestKit.RunAdvancingAsync(time, send);

        Assert.Equal(4, _fake.Requests.Count);
        Assert.All(_fake.Requests, r => Assert.Equal($"Bearer {StubTokenProvider.Token}", r.Authorization));
        Assert.NotNull(await send);
    }

    [Fact]
    public async Task Gives_up_after_four_attempts()
    {
        var time = new FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        kit.Trust.Trust(_fake.ServiceUrl);
        _fake.FailNext(502, times: 5);

        var send = kit.Client.SendAsync(_fake.ServiceUrl, "conv", new Activity { Type = "message" }, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => ConnectorTestKit.RunAdvancingAsync(time, send));

        Assert.Equal(502, ex.StatusCode);
        Assert.False(ex.IsPermanent);
        Assert.Equal(4, _fake.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_is_honoured()
    {
        var time = new FakeTimeProvider();
        using var kit = new ConnectorTestKit(time: time);
        kit.Trust.Trust(_fake.ServiceUrl);
        _fake.FailNext(429, retryAfterSeconds: 5);

        var send = kit.Client.SendAsync(_fake.ServiceUrl, "conv", new Activity { Type = "message" }, CancellationToken.None);
        var advanced = await ConnectorTestKit.RunAdvancingAsync(time, send);

        // Without the header the first backoff is at most 1.5 s; Retry-After asks for 5 s.
        Assert.Equal(2, _fake.Requests.Count);
        Assert.True(advanced >= TimeSpan.FromSeconds(5), $"advanced only {advanced}");
    }

    [Theory]
    [InlineData(1, 1.0, 1.5)]
    [InlineData(2, 2.0, 3.0)]
    [InlineData(3, 4.0, 6.0)]
    public void Backoff_doubles_with_up_to_half_jitter(int attempt, double min, double max)
    {
        var low = TeamsConnectorRetry.Delay(attempt, null, DateTimeOffset.UnixEpoch, 0);
        var high = TeamsConnectorRetry.Delay(attempt, null, DateTimeOffset.UnixEpoch, 1);

        Assert.Equal(TimeSpan.FromSeconds(min), low);
        Assert.Equal(TimeSpan.FromSeconds(max), high);
    }

    [Fact]
    public void Retry_after_is_capped_at_a_minute()
    {
        var delay = TeamsConnectorRetry.Delay(1, new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1)), DateTimeOffset.UnixEpoch, 0.5);

        Assert.Equal(TimeSpan.FromMinutes(1), delay);
    }
}
