using CoachBot.Slack.Api;
using CoachBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Slack.Tests.Api;

public sealed class SlackRateLimitTests
{
    private static readonly SlackTeam Team = SlackApiHarness.Team;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PostsToOneChannel_BeyondTheBurst_WaitForTheNextRefill_OtherChannelsDoNot()
    {
        var time = new FakeTimeProvider();
        await using var h = await SlackApiHarness.StartAsync(time);
        var burst = SlackRateLimits.PerChannel.TokenLimit;

        var busy = Enumerable.Range(0, burst + 1)
            .Select(i => h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C1", $"m{i}"), CancellationToken.None))
            .ToList();
        await h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C2", "other channel"), CancellationToken.None);

        Assert.True(await Eventually.HoldsAsync(() => busy.Count(t => t.IsCompleted) == burst, Patience));
        Assert.Equal(burst, PostsTo(h, "C1"));

        time.Advance(SlackRateLimits.Tick);
        await Task.WhenAll(busy).WaitAsync(Patience);

        Assert.Equal(burst + 1, PostsTo(h, "C1"));
    }

    [Fact]
    public async Task WaitingForAPermit_HonoursCancellation()
    {
        var time = new FakeTimeProvider();
        await using var h = await SlackApiHarness.StartAsync(time);
        for (var i = 0; i < SlackRateLimits.PerChannel.TokenLimit; i++)
        {
            await h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C1", "fill"), CancellationToken.None);
        }

        using var cancel = new CancellationTokenSource();
        var waiting = h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C1", "late"), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        time.Advance(SlackRateLimits.Tick * 2);
        Assert.DoesNotContain(h.Slack.CallsTo("chat.postMessage"), c => (string?)c.Body["text"] == "late");
    }

    [Fact]
    public async Task IdleBuckets_AreDropped()
    {
        var time = new FakeTimeProvider();
        using var limits = new SlackRateLimits(time);
        await limits.WaitAsync("T1", "chat.postMessage", "C1", CancellationToken.None);
        await limits.WaitAsync("T1", "users.info", null, CancellationToken.None);
        Assert.Equal(3, limits.Count);

        for (var i = 0; i < 400; i++)
        {
            time.Advance(SlackRateLimits.Tick);
        }

        Assert.Equal(0, limits.Count);
    }

    [Fact]
    public void Tiers_FollowSlacksTable()
    {
        Assert.Equal(SlackRateLimits.Tier3, SlackRateLimits.ForMethod("conversations.open"));
        Assert.Equal(SlackRateLimits.Tier3, SlackRateLimits.ForMethod("chat.update"));
        Assert.Equal(SlackRateLimits.Tier4, SlackRateLimits.ForMethod("users.info"));
        Assert.Equal(SlackRateLimits.Tier4, SlackRateLimits.ForMethod("views.publish"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    public void Shares_OfAllReplicas_AddUpToNoMoreThanSlacksLimit(int replicas)
    {
        foreach (var size in new[] { SlackRateLimits.Tier3, SlackRateLimits.Tier4, SlackRateLimits.PerChannel })
        {
            var share = SlackRateLimits.Share(size, replicas);
            var perTick = (double)size.TokensPerRefill / size.TicksPerRefill;
            var sharePerTick = (double)share.TokensPerRefill / share.TicksPerRefill;

            Assert.Equal(perTick, sharePerTick * replicas, precision: 9);
            Assert.True(share.TokenLimit >= 1);
            Assert.True(share.TokenLimit * replicas <= Math.Max(size.TokenLimit, replicas), $"{replicas} bursts of {share.TokenLimit} exceed {size.TokenLimit}");
        }
    }

    [Fact]
    public void OneReplica_KeepsSlacksLimits() =>
        Assert.Equal(SlackRateLimits.Tier3, SlackRateLimits.Share(SlackRateLimits.Tier3, 1));

    [Fact]
    public async Task WithThreeReplicas_OneChannelGetsAThirdOfSlacksPace()
    {
        var time = new FakeTimeProvider();
        await using var h = await SlackApiHarness.StartAsync(time, o => o.Replicas = 3);

        await h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C1", "first"), CancellationToken.None);
        var second = h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C1", "second"), CancellationToken.None);
        time.Advance(SlackRateLimits.Tick * 2);
        Assert.False(await Eventually.HoldsAsync(() => second.IsCompleted, TimeSpan.FromMilliseconds(300)));
        Assert.Equal(1, PostsTo(h, "C1"));

        // One message a second per channel across the app: every third second for each of three replicas.
        time.Advance(SlackRateLimits.Tick);
        await second.WaitAsync(Patience);
        Assert.Equal(2, PostsTo(h, "C1"));
    }

    private static int PostsTo(SlackApiHarness h, string channel) =>
        h.Slack.CallsTo("chat.postMessage").Count(c => (string?)c.Body["channel"] == channel);
}
