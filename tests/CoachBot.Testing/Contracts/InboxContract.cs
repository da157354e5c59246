using CoachBot.Core.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Testing.Contracts;

/// <summary>What every <see cref="IInbox"/> must do. Inherit it and supply a fresh, empty inbox on the given clock.</summary>
public abstract class InboxContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A new inbox that shares nothing with the inboxes of other tests and reads time from <see cref="Clock"/>.</summary>
    protected abstract Task<IInbox> CreateInboxAsync();

    [Fact]
    public async Task TryEnqueueAsync_SameIdTwice_KeepsOneItem()
    {
        var inbox = await CreateInboxAsync();

        Assert.True(await inbox.TryEnqueueAsync("slack", "Ev1", "event", "{\"a\":1}", None));
        Assert.False(await inbox.TryEnqueueAsync("slack", "Ev1", "event", "{\"a\":2}", None));

        var item = await inbox.TryClaimAsync("slack", "Ev1", Lease, None);
        Assert.NotNull(item);
        Assert.Equal("{\"a\":1}", item.Payload);
        Assert.Equal("event", item.Kind);
        Assert.Equal(1, item.Attempts);
    }

    [Fact]
    public async Task TryClaimAsync_WhileLeased_ReturnsNull_AfterExpiry_TakesOver()
    {
        var inbox = await CreateInboxAsync();
        await inbox.TryEnqueueAsync("slack", "Ev2", "event", "{}", None);

        Assert.NotNull(await inbox.TryClaimAsync("slack", "Ev2", Lease, None));
        Assert.Null(await inbox.TryClaimAsync("slack", "Ev2", Lease, None));
        Assert.Empty(await inbox.FindUnclaimedAsync("slack", 10, None));

        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(["Ev2"], await inbox.FindUnclaimedAsync("slack", 10, None));
        var again = await inbox.TryClaimAsync("slack", "Ev2", Lease, None);
        Assert.NotNull(again);
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task CompleteAsync_RemovesTheItem_AndTheIdCanComeAgain()
    {
        var inbox = await CreateInboxAsync();
        await inbox.TryEnqueueAsync("msteams", "act|1", "activity", "{}", None);
        var item = await inbox.TryClaimAsync("msteams", "act|1", Lease, None);

        await inbox.CompleteAsync(item!, None);
        await inbox.CompleteAsync(item!, None);

        Assert.Null(await inbox.TryClaimAsync("msteams", "act|1", Lease, None));
        Assert.Empty(await inbox.FindUnclaimedAsync("msteams", 10, None));
        Assert.True(await inbox.TryEnqueueAsync("msteams", "act|1", "activity", "{}", None));
    }

    [Fact]
    public async Task FindUnclaimedAsync_ListsOldestFirst_PerChannel_UpToMax()
    {
        var inbox = await CreateInboxAsync();
        foreach (var id in new[] { "c", "a", "b" })
        {
            await inbox.TryEnqueueAsync("slack", id, "event", "{}", None);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await inbox.TryEnqueueAsync("local", "x", "event", "{}", None);

        Assert.Equal(["c", "a"], await inbox.FindUnclaimedAsync("slack", 2, None));
        Assert.Equal(["x"], await inbox.FindUnclaimedAsync("local", 10, None));
    }

    [Fact]
    public async Task LargePayload_RoundTripsWhole()
    {
        var inbox = await CreateInboxAsync();
        var payload = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i % 10}é"));
        payload = payload + new string('x', Math.Max(0, 100_000 - payload.Length));

        Assert.True(await inbox.TryEnqueueAsync("slack", "big", "event", payload, None));
        var item = await inbox.TryClaimAsync("slack", "big", Lease, None);

        Assert.Equal(payload, item!.Payload);
        Assert.True(inbox.MaxPayloadLength >= 200_000);
    }

    [Fact]
    public async Task PurgeAsync_DeletesItemsReceivedBeforeTheCutOff_KeepsLaterOnes()
    {
        var inbox = await CreateInboxAsync();
        var id = "Ev" + Guid.NewGuid().ToString("N");
        await inbox.TryEnqueueAsync("slack", id, "event", "{}", None);

        Assert.Equal(0, await inbox.PurgeAsync(DateTimeOffset.UnixEpoch, None));
        Assert.False(await inbox.TryEnqueueAsync("slack", id, "event", "{}", None));

        Assert.Equal(1, await inbox.PurgeAsync(new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero), None));
        Assert.True(await inbox.TryEnqueueAsync("slack", id, "event", "{}", None));
    }

    [Fact]
    public async Task DeleteNamingAsync_ItemsNamingTheUser_RemovesThemKeepsOthers()
    {
        var inbox = await CreateInboxAsync();
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var user = "U" + tag;
        await inbox.TryEnqueueAsync("slack", "Ev1" + tag, "event", $"{{\"event\":{{\"user\":\"{user}\"}}}}", None);
        await inbox.TryEnqueueAsync("slack", "Ev2" + tag, "command", $"team_id=T1&user_id={user}&text=today", None);
        await inbox.TryClaimAsync("slack", "Ev2" + tag, TimeSpan.FromMinutes(5), None);
        await inbox.TryEnqueueAsync("slack", "Ev3" + tag, "event", $"{{\"event\":{{\"user\":\"{user}9\"}}}}", None);
        await inbox.TryEnqueueAsync("msteams", "Ev4" + tag, "event", $"{{\"from\":{{\"id\":\"{user}\"}}}}", None);

        Assert.Equal(2, await inbox.DeleteNamingAsync("slack", user, None));

        Assert.True(await inbox.TryEnqueueAsync("slack", "Ev1" + tag, "event", "{}", None));
        Assert.True(await inbox.TryEnqueueAsync("slack", "Ev2" + tag, "event", "{}", None));
        Assert.False(await inbox.TryEnqueueAsync("slack", "Ev3" + tag, "event", "{}", None));
        Assert.False(await inbox.TryEnqueueAsync("msteams", "Ev4" + tag, "event", "{}", None));
    }
}
