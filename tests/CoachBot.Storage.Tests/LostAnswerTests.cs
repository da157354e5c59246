using CoachBot.Core.Delivery;
using CoachBot.Core.Scheduling;
using CoachBot.Storage.Azurite;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Scheduling;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Tests;

/// <summary>
/// A write that was applied but whose answer was lost is retried by the SDK, and the retry finds its own row. The
/// ledger and the due-row claim must take that for success, or a nudge is dropped (ledger) or held back (claim).
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class LostAnswerTests
{
    private readonly AzuriteFixture _azurite;

    public LostAnswerTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task LedgerRecordAsync_AnswerLostAndRetried_StillNew()
    {
        await using var proxy = new LossyProxy(_azurite.Port);
        var tables = await TablesThroughAsync(proxy);
        var ledger = new AzureTablesDeliveryLedger(tables, TimeProvider.System);
        var user = TestUsers.New();

        proxy.LoseNextAnswer();
        var first = await ledger.RecordAsync(user, "nudge:2026-12-01", "token-1", CancellationToken.None);

        Assert.Equal(1, proxy.AnswersLost);
        Assert.Equal(LedgerRecord.New, first);
        Assert.Equal(LedgerRecord.Taken, await ledger.RecordAsync(user, "nudge:2026-12-01", "token-2", CancellationToken.None));
    }

    [Fact]
    public async Task LedgerTryRecordAsync_AnswerLostAndRetried_StillNew_ARealRepeatStillARepeat()
    {
        await using var proxy = new LossyProxy(_azurite.Port);
        var ledger = new AzureTablesDeliveryLedger(await TablesThroughAsync(proxy), TimeProvider.System);
        var key = "slack:command:" + Guid.NewGuid().ToString("N");

        proxy.LoseNextAnswer();
        var first = await ledger.TryRecordAsync(key, CancellationToken.None);

        Assert.Equal(1, proxy.AnswersLost);
        Assert.True(first);
        Assert.False(await ledger.TryRecordAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task LedgerTryRecordAsync_UserKey_AnswerLostAndRetried_StillNew()
    {
        await using var proxy = new LossyProxy(_azurite.Port);
        var ledger = new AzureTablesDeliveryLedger(await TablesThroughAsync(proxy), TimeProvider.System);
        var user = TestUsers.New();

        proxy.LoseNextAnswer();
        var first = await ledger.TryRecordAsync(user, "msteams:activity-1", CancellationToken.None);

        Assert.Equal(1, proxy.AnswersLost);
        Assert.True(first);
        Assert.False(await ledger.TryRecordAsync(user, "msteams:activity-1", CancellationToken.None));
    }

    [Fact]
    public async Task DueIndexTryClaimAsync_AnswerLostAndRetried_StillClaimed()
    {
        await using var proxy = new LossyProxy(_azurite.Port);
        var index = new AzureTablesDueIndex(await TablesThroughAsync(proxy));
        var key = new ScheduleKey("user|local|local|" + Guid.NewGuid().ToString("N"), "nudge");
        var due = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        await index.MoveAsync(null, key, new Occurrence("nudge", "2026-12-01", due, due.AddHours(2)), "fp", CancellationToken.None);
        var row = Assert.Single(await index.FindDueAsync(AzureTablesDueIndex.ShardOf(key), due, due, 10, CancellationToken.None));

        proxy.LoseNextAnswer();
        var claimed = await index.TryClaimAsync(row, "replica-a", due.AddMinutes(2), CancellationToken.None);

        Assert.Equal(1, proxy.AnswersLost);
        Assert.NotNull(claimed);
        Assert.Equal("replica-a", claimed.ClaimedBy);
        Assert.NotNull(await index.TryUpdateAsync(claimed with { ClaimedUntil = due }, CancellationToken.None));
    }

    private static async Task<CoachBotTables> TablesThroughAsync(LossyProxy proxy)
    {
        var options = new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};" +
                $"TableEndpoint=http://127.0.0.1:{proxy.Port}/{AzuriteProcess.AccountName};",
            TablePrefix = AzuriteFixture.NewTablePrefix(),
        };
        var tables = new CoachBotTables(Options.Create(options));
        await tables.EnsureCreatedAsync(CancellationToken.None);
        return tables;
    }
}
