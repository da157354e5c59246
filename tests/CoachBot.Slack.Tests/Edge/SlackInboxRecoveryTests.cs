using CoachBot.Core.Delivery;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>
/// Events acked by a replica that died before handling them are not lost: they wait in the durable inbox, and any
/// replica's sweep takes them over (after the dead worker's lease runs out).
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackInboxRecoveryTests
{
    private readonly AzuriteFixture _azurite;

    public SlackInboxRecoveryTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]

    [Trait("Category", "Slow")]
    public async Task EventsLeftByADeadReplica_AreAnsweredOnce_ByTheSweep()
    {
        await using var host = await SlackHost.StartAsync(_azurite, new Dictionary<string, string?> { ["Slack:InboxSweepInterval"] = "00:00:01" });
        host.Slack.AddUser("U0ALICE");
        host.Slack.AddUser("U0BOB");
        var inbox = host.Services.GetRequiredService<IInbox>();
        _ = host.Client;

        // Replica 1 acked both, then died: one never started, one was claimed and abandoned mid-way.
        Assert.True(await inbox.TryEnqueueAsync("slack", "Ev0ORPHAN", "event", SlackPayloads.DirectMessage("Ev0ORPHAN", "U0ALICE", "help", channel: "D0A").ToJsonString(), CancellationToken.None));
        Assert.True(await inbox.TryEnqueueAsync("slack", "Ev0HALF", "event", SlackPayloads.DirectMessage("Ev0HALF", "U0BOB", "help", channel: "D0B").ToJsonString(), CancellationToken.None));
        Assert.NotNull(await inbox.TryClaimAsync("slack", "Ev0HALF", TimeSpan.FromSeconds(2), CancellationToken.None));

        await host.Slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == "D0A");
        await host.Slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == "D0B");
        await SlackHost.WaitUntilAsync(async () => (await inbox.FindUnclaimedAsync("slack", 10, CancellationToken.None)).Count == 0, "the inbox is empty");
        await Task.Delay(2500);

        Assert.Single(host.Slack.CallsTo("chat.postMessage"), c => (string?)c.Body["channel"] == "D0A");
        Assert.Single(host.Slack.CallsTo("chat.postMessage"), c => (string?)c.Body["channel"] == "D0B");
    }
}
