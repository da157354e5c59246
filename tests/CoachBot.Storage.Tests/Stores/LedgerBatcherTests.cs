using CoachBot.Storage.Delivery;
using CoachBot.Testing;
using CoachBot.Testing.Contracts;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Tests.Stores;

/// <summary>
/// Keys of no one in particular (Slack trigger ids) are written in groups when they arrive together (ADR 0043). The
/// contract tests in <see cref="AzureTablesDeliveryLedgerTests"/> prove "once"; these prove the grouping: fewer calls,
/// a repeat inside a group answered alone, and a failed write that leaves nothing stuck.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class LedgerBatcherTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteFixture _azurite;

    public LedgerBatcherTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task KeysArrivingTogether_EachNewOnce_InFarFewerCallsThanKeys()
    {
        var (batcher, recorder, _) = await BatcherAsync();
        var keys = Enumerable.Range(0, 64).Select(i => $"slack:command:{Guid.NewGuid():N}.{i}").ToList();
        recorder.Clear();

        var first = await Task.WhenAll(keys.Select(k => batcher.RecordAsync(Shared(k), k, None)));
        var calls = recorder.Requests.Count;
        var again = await Task.WhenAll(keys.Select(k => batcher.RecordAsync(Shared(k), k, None)));

        Assert.All(first, Assert.True);
        Assert.All(again, Assert.False);

        // Row by row this took 64 inserts; grouped, the first key may go alone and the rest by partition.
        Assert.InRange(calls, 1, 16);
    }

    [Fact]
    public async Task KeyRecordedBefore_InsideAGroup_OnlyThatKeyIsARepeat()
    {
        var (batcher, recorder, _) = await BatcherAsync();
        var keys = KeysOfOnePartition(4);
        Assert.True(await batcher.RecordAsync(Shared(keys[1]), keys[1], None));
        recorder.Clear();

        var results = await Task.WhenAll(keys.Select(k => batcher.RecordAsync(Shared(k), k, None)));

        Assert.Equal([true, false, true, true], results);

        // The group of the last three failed once on the old key (409 at its index) and was sent again without it.
        Assert.Contains(recorder.Requests, r => r.Method == "GET");
    }

    [Fact]
    public async Task SameKeyTwiceInOneGroup_TrueExactlyOnce()
    {
        var (batcher, _, _) = await BatcherAsync();
        var key = $"slack:block_actions:{Guid.NewGuid():N}";
        var others = KeysOfOnePartition(3);

        var results = await Task.WhenAll(new[] { others[0], key, others[1], key, others[2], key }.Select(k => batcher.RecordAsync(Shared(k), k, None)));

        Assert.Equal(1, new[] { results[1], results[3], results[5] }.Count(r => r));
        Assert.True(results[0] && results[2] && results[4]);
    }

    [Fact]
    public async Task FailedWrite_ReachesEveryWaiter_AndTheNextKeysAreWrittenAgain()
    {
        var (batcher, recorder, _) = await BatcherAsync();
        var keys = KeysOfOnePartition(3);
        recorder.FailWhen = _ => true;

        foreach (var attempt in keys.Select(k => batcher.RecordAsync(Shared(k), k, None)).ToList())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => attempt);
        }

        recorder.FailWhen = null;
        var retried = await Task.WhenAll(keys.Select(k => batcher.RecordAsync(Shared(k), k, None)));
        Assert.All(retried, Assert.True);
    }

    [Fact]
    public async Task CallerThatGivesUp_DoesNotCancelTheWriteOfTheOthers()
    {
        var (batcher, _, _) = await BatcherAsync();
        var keys = KeysOfOnePartition(2);
        using var gaveUp = new CancellationTokenSource();
        await gaveUp.CancelAsync();

        var abandoned = batcher.RecordAsync(Shared(keys[0]), keys[0], gaveUp.Token);
        var kept = batcher.RecordAsync(Shared(keys[1]), keys[1], None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.True(await kept);

        // The abandoned key was still written: a retry of that request is a repeat, as if the caller had waited.
        Assert.False(await batcher.RecordAsync(Shared(keys[0]), keys[0], None));
    }

    [Fact]
    public async Task OnePersonsKeysArrivingTogether_GroupInTheirPartition_AndStayApartFromAnotherPersons()
    {
        var (_, recorder, tables) = await BatcherAsync();
        var ledger = new AzureTablesDeliveryLedger(tables, TimeProvider.System);
        var (alice, bob) = (TestUsers.New(), TestUsers.New());
        var ids = Enumerable.Range(0, 32).Select(i => $"msteams:activity-{i}").ToList();
        recorder.Clear();

        var first = await Task.WhenAll(ids.Select(id => ledger.TryRecordAsync(alice, id, None)));
        var calls = recorder.Requests.Count;

        Assert.All(first, Assert.True);
        Assert.InRange(calls, 1, 8);
        Assert.All(await Task.WhenAll(ids.Select(id => ledger.TryRecordAsync(alice, id, None))), Assert.False);
        Assert.All(await Task.WhenAll(ids.Select(id => ledger.TryRecordAsync(bob, id, None))), Assert.True);
    }

    [Fact]
    public void PartitionOf_IsStableAndSpreadsOverTheShards()
    {
        var partitions = Enumerable.Range(0, 400).Select(i => LedgerBatcher.SharedPartitionOf($"slack:command:{i}")).ToList();

        Assert.Equal("keys|2", LedgerBatcher.SharedPartitionOf("slack:command:12345.678"));
        Assert.Equal(LedgerBatcher.Shards, partitions.Distinct().Count());
        Assert.All(partitions.GroupBy(p => p), g => Assert.InRange(g.Count(), 50, 150));
    }

    private static string Shared(string key) => LedgerBatcher.SharedPartitionOf(key);

    private static List<string> KeysOfOnePartition(int count)
    {
        var run = Guid.NewGuid().ToString("N");
        return Enumerable.Range(0, 1000)
            .Select(i => $"slack:command:{run}.{i}")
            .Where(k => LedgerBatcher.SharedPartitionOf(k) == "keys|0")
            .Take(count)
            .ToList();
    }

    private async Task<(LedgerBatcher Batcher, TableRequestRecorder Recorder, CoachBotTables Tables)> BatcherAsync()
    {
        var recorder = new TableRequestRecorder();
        var tables = new CoachBotTables(Options.Create(_azurite.CreateOptions()), recorder);
        await tables.EnsureCreatedAsync(None);
        return (new LedgerBatcher(tables, TimeProvider.System), recorder, tables);
    }
}
