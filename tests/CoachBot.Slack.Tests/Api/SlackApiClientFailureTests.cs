using System.Diagnostics;
using System.Text.Json.Nodes;
using CoachBot.Slack.Api;
using CoachBot.Slack.Tests.FakeSlack;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Slack.Tests.Api;

public sealed class SlackApiClientFailureTests
{
    private static readonly SlackTeam Team = SlackApiHarness.Team;

    [Fact]
    public async Task OkFalse_ThrowsSlackErrorWithDetails_AndNoToken()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.FailNext("chat.postMessage", 200, JsonNode.Parse("""
            {"ok":false,"error":"invalid_blocks","response_metadata":{"messages":["[ERROR] missing required field: text"]}}
            """)!.AsObject());

        var ex = await Assert.ThrowsAsync<SlackApiException>(
            () => h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C1", "hi"), CancellationToken.None));

        Assert.Equal("invalid_blocks", ex.Error);
        Assert.Equal("chat.postMessage", ex.Method);
        Assert.False(ex.IsPermanent);
        Assert.Contains("missing required field: text", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackApiHarness.BotToken, ex.ToString(), StringComparison.Ordinal);
        Assert.Single(h.Slack.Calls);
        Assert.Contains(h.Log.Records, r => r.Message.Contains("invalid_blocks", StringComparison.Ordinal));
        h.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task ChannelNotFound_IsPermanent()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.FailNext("chat.postMessage", 200, new JsonObject { ["ok"] = false, ["error"] = "channel_not_found" });

        var ex = await Assert.ThrowsAsync<SlackApiException>(
            () => h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C1", "hi"), CancellationToken.None));

        Assert.Equal("channel_not_found", ex.Error);
        Assert.True(ex.IsPermanent);
    }

    [Fact]
    public async Task RateLimited_WaitsOutRetryAfter_AndDeliversOnce()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.FailNext("chat.postMessage", 429, retryAfterSeconds: 1);

        var ts = await h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C1", "hi"), CancellationToken.None);

        var calls = h.Slack.CallsTo("chat.postMessage");
        Assert.Equal([429, 200], calls.Select(c => c.StatusCode));
        var succeeded = Assert.Single(calls, c => c.Succeeded);
        Assert.Equal("hi", (string?)succeeded.Body["text"]);
        Assert.False(string.IsNullOrEmpty(ts));
        // The delay the pipeline chose is the header's, not its own backoff.
        Assert.Single(h.Everything.Lines, l => l.Contains("failed with 429 on attempt 1; retrying in 1000 ms", StringComparison.Ordinal));
        Assert.Contains(h.Everything.Lines, l => l.Contains("System.Net.Http", StringComparison.Ordinal));
        h.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task RateLimited_RetryAfter_IsWaitedOutOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        await using var h = await SlackApiHarness.StartAsync(time);
        h.Slack.FailNext("users.info", 429, retryAfterSeconds: 20);
        h.Slack.AddUser("U1");

        var call = h.Client.Users.InfoAsync(Team, "U1", CancellationToken.None);
        var advanced = TimeSpan.Zero;
        while (h.Slack.CallsTo("users.info").Count < 2 && !call.IsCompleted && advanced < TimeSpan.FromMinutes(5))
        {
            // Nothing happens until the fake clock passes the 20 s Slack asked for.
            await Task.WhenAny(call, Task.Delay(50));
            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
        }

        await call;
        Assert.Equal([429, 200], h.Slack.CallsTo("users.info").Select(c => c.StatusCode));
        Assert.True(advanced >= TimeSpan.FromSeconds(20), $"retried after only {advanced} of the fake clock");
        Assert.Single(h.Everything.Lines, l => l.Contains("retrying in 20000 ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetryAfterBeyondMax_ThrowsRatelimitedWithoutWaiting()
    {
        await using var h = await SlackApiHarness.StartAsync(configure: o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));
        h.Slack.FailNext("chat.postMessage", 429, retryAfterSeconds: 60);
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<SlackApiException>(
            () => h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C1", "hi"), CancellationToken.None));

        Assert.Equal("ratelimited", ex.Error);
        Assert.False(ex.IsPermanent);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"gave up after {clock.Elapsed}, should not wait");
        Assert.Single(h.Slack.Calls);
    }

    [Fact]
    public async Task RateLimited_StopsAfterMaxAttempts()
    {
        await using var h = await SlackApiHarness.StartAsync(configure: o => o.MaxAttempts = 2);
        h.Slack.FailNext("users.info", 429, retryAfterSeconds: 0, times: 5);
        h.Slack.AddUser("U1");

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Client.Users.InfoAsync(Team, "U1", CancellationToken.None));

        Assert.Equal("ratelimited", ex.Error);
        Assert.Equal(2, h.Slack.CallsTo("users.info").Count);
        Assert.DoesNotContain(h.Slack.Calls, c => c.Succeeded);
    }

    [Fact]
    public async Task ServerError_ThenSuccess_Retries()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.FailNext("conversations.open", 503);

        var channel = await h.Client.Conversations.OpenDirectAsync(Team, "U1", CancellationToken.None);

        Assert.Equal("DU1", channel);
        var calls = h.Slack.CallsTo("conversations.open");
        Assert.Equal([503, 200], calls.Select(c => c.StatusCode));
    }

    [Fact]
    public async Task ServerError_Persistent_ThrowsHttpCodeAfterMaxAttempts()
    {
        await using var h = await SlackApiHarness.StartAsync(configure: o => o.MaxAttempts = 3);
        h.Slack.FailNext("chat.update", 502, times: 10);

        var ex = await Assert.ThrowsAsync<SlackApiException>(
            () => h.Client.Chat.UpdateAsync(Team, "1.1", new SlackMessage("C1", "x"), CancellationToken.None));

        Assert.Equal("http_502", ex.Error);
        Assert.Equal(3, h.Slack.CallsTo("chat.update").Count);
    }

    [Fact]
    public async Task ClientError_IsNotRetried()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.FailNext("views.publish", 404);

        var ex = await Assert.ThrowsAsync<SlackApiException>(
            () => h.Client.Views.PublishAsync(Team, "U1", new JsonObject { ["type"] = "home" }, CancellationToken.None));

        Assert.Equal("http_404", ex.Error);
        Assert.Single(h.Slack.Calls);
    }

    [Fact]
    public async Task Unreachable_ThrowsUnreachable_AndLogsNoToken()
    {
        Uri closed;
        await using (var gone = await FakeSlackApi.StartAsync())
        {
            closed = gone.BaseUrl;
        }

        await using var h = await SlackApiHarness.StartAsync(configure: o => { o.ApiBaseUrl = closed; o.MaxAttempts = 2; });

        var ex = await Assert.ThrowsAsync<SlackApiException>(
            () => h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C1", "hi"), CancellationToken.None));

        Assert.Equal("unreachable", ex.Error);
        Assert.DoesNotContain(SlackApiHarness.BotToken, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains(h.Log.Records, r => r.Message.Contains("unreachable", StringComparison.Ordinal));
        h.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task OkFalseFromAppCalls_NeverLogsSecrets()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Slack.FailNext("apps.connections.open", 200, new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" });

        var socket = await Assert.ThrowsAsync<SlackApiException>(() => h.Client.AppsConnections.OpenAsync(CancellationToken.None));
        var oauth = await Assert.ThrowsAsync<SlackApiException>(() => h.Client.OAuthV2.AccessAsync("c", null, CancellationToken.None));

        Assert.Equal("invalid_auth", socket.Error);
        Assert.Equal("invalid_code", oauth.Error);
        Assert.DoesNotContain(SlackApiHarness.AppToken, socket.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(h.Log.Records);
        h.AssertNoSecretsLogged();
    }
}
