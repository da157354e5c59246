using Azure.Data.Tables;
using CoachBot.Core.Delivery;
using CoachBot.Slack.Api;
using CoachBot.Slack.Inbound;
using CoachBot.Storage;
using CoachBot.Slack.Tests.Edge;
using CoachBot.Slack.Tests.FakeSlack;
using CoachBot.Storage.Delivery;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace CoachBot.Slack.Tests.AtLeastOnce;

/// <summary>
/// A user's DM is answered exactly once whatever fails on the way: chat.postMessage answering 5xx (before or after it
/// posted), dropping the connection, timing out, or storage failing right after the worker took the event (ADR 0018).
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackAtLeastOnceTests
{
    private const string User = "U0ALICE";

    private readonly AzuriteFixture _azurite;

    public SlackAtLeastOnceTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task DirectMessage_FirstThreePostsAnswer5xx_IsAnsweredExactlyOnce()
    {
        await using var host = await StartAsync();
        var expected = await BaselineAsync(host);
        host.Slack.FailNext("chat.postMessage", 503, times: 3);

        await AssertAnsweredOnceAsync(host, "Ev0FIVEXX", "D0FAIL", expected);
    }

    [Theory]
    [InlineData(FakeSlackFault.ApplyThenFail, 1)]
    [InlineData(FakeSlackFault.ApplyThenFail, 3)]
    [InlineData(FakeSlackFault.ApplyThenDrop, 1)]
    [InlineData(FakeSlackFault.Drop, 3)]
    [InlineData(FakeSlackFault.Hang, 1)]
    public async Task DirectMessage_PostFailsAmbiguously_IsAnsweredExactlyOnce(FakeSlackFault fault, int times)
    {
        await using var host = await StartAsync();
        var expected = await BaselineAsync(host);
        host.Slack.FailNext("chat.postMessage", fault == FakeSlackFault.ApplyThenFail ? 500 : 200, times: times, fault: fault);

        await AssertAnsweredOnceAsync(host, $"Ev0{fault}{times}".ToUpperInvariant(), "D0FAIL", expected);
    }

    [Fact]
    public async Task DirectMessage_StorageFailsOnceAfterTheClaim_IsAnsweredExactlyOnce()
    {
        FailOnceLedger? ledger = null;
        await using var host = await StartAsync(services => services.AddSingleton<IDeliveryLedger>(
            sp => ledger = new FailOnceLedger(ActivatorUtilities.CreateInstance<AzureTablesDeliveryLedger>(sp), "Ev0STORAGE")));

        var expected = await BaselineAsync(host);

        await AssertAnsweredOnceAsync(host, "Ev0STORAGE", "D0FAIL", expected);
        Assert.Equal(1, ledger?.Failures);
    }

    [Fact]
    public async Task DirectMessage_SlackRedeliversAfterTheAnswer_IsAnsweredExactlyOnce()
    {
        await using var host = await StartAsync();
        var expected = await BaselineAsync(host);
        await AssertAnsweredOnceAsync(host, "Ev0AGAIN", "D0FAIL", expected);

        // Slack retries when its copy of our ack was lost: the item is gone by now, the ledger still knows the event.
        using var again = await host.PostEventAsync(SlackPayloads.DirectMessage("Ev0AGAIN", User, "help", channel: "D0FAIL"));
        Assert.True(again.IsSuccessStatusCode);
        await WaitForEmptyInboxAsync(host);

        Assert.Equal(expected, host.Slack.MessagesIn("D0FAIL").Count);
    }

    private async Task<SlackHost> StartAsync(Action<IServiceCollection>? services = null) =>
        await SlackHost.StartAsync(
            _azurite,
            new Dictionary<string, string?> { ["Slack:InboxSweepInterval"] = "00:00:01" },
            s =>
            {
                // A hanging Slack costs the test a second, not the production 30 s.
                s.Configure<HttpClientFactoryOptions>(SlackApiClient.HttpClientName, o => o.HttpClientActions.Add(c => c.Timeout = TimeSpan.FromSeconds(1)));
                services?.Invoke(s);
            });

    /// <summary>How many messages "help" gets in a DM when nothing fails.</summary>
    private static async Task<int> BaselineAsync(SlackHost host)
    {
        await AssertAnsweredOnceAsync(host, "Ev0BASELINE", "D0CLEAN", expected: null);
        return host.Slack.MessagesIn("D0CLEAN").Count;
    }

    private static async Task AssertAnsweredOnceAsync(SlackHost host, string eventId, string channel, int? expected)
    {
        host.Slack.AddUser(User);
        using var ack = await host.PostEventAsync(SlackPayloads.DirectMessage(eventId, User, "help", channel: channel));
        Assert.True(ack.IsSuccessStatusCode, $"The event was not acked: {(int)ack.StatusCode}.");
        await WaitForEmptyInboxAsync(host);

        var messages = host.Slack.MessagesIn(channel);
        var calls = string.Join(Environment.NewLine, host.Slack.Calls.Select(c => $"  {c.Method} {(string?)c.Body["channel"]} -> {c.StatusCode}"));
        Assert.True(messages.Count > 0, $"The DM was never answered. Calls:{Environment.NewLine}{calls}");
        if (expected is { } count)
        {
            Assert.True(count == messages.Count, $"Expected the {count} message(s) of a clean run, found {messages.Count}. Calls:{Environment.NewLine}{calls}");
        }
    }

    /// <summary>Waits until no Slack item is left in the inbox, claimed or not: every event was finished.</summary>
    internal static async Task WaitForEmptyInboxAsync(SlackHost host)
    {
        var tables = host.Services.GetRequiredService<CoachBotTables>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SlackInboundDispatcher.InboxChannel}");
        await SlackHost.WaitUntilAsync(
            async () => (await tables.QueryAsync<TableEntity>(StorageTableNames.Inbox, filter, ["RowKey"], CancellationToken.None)).Count == 0,
            "the inbox is empty",
            TimeSpan.FromSeconds(30));
    }
}
