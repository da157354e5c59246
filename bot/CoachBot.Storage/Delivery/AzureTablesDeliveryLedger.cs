using Azure.Data.Tables;
using CoachBot.Core.Delivery;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Delivery;

/// <summary>
/// <see cref="IDeliveryLedger"/> on the Ledger table: one insert-only row per key. Keys of no one in particular (Slack
/// trigger ids, job runs) live in a few shared partitions; a user's keys live in the user's partition so forgetting
/// the user deletes them. RowKey is the encoded key, and keys of one partition that arrive together are written in one
/// transaction (<see cref="LedgerBatcher"/>, ADR 0043). The service's 409 on a second insert is what makes "exactly once" hold across
/// replicas.
/// </summary>
public sealed class AzureTablesDeliveryLedger : IDeliveryLedger
{
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey"];

    private readonly CoachBotTables _tables;
    private readonly TimeProvider _time;
    private readonly LedgerBatcher _batcher;

    public AzureTablesDeliveryLedger(CoachBotTables tables, TimeProvider time)
    {
        _tables = tables;
        _time = time;
        _batcher = new LedgerBatcher(tables, time);
    }

    public Task<bool> TryRecordAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _batcher.RecordAsync(LedgerBatcher.SharedPartitionOf(key), key, cancellationToken);
    }

    public Task<bool> TryRecordAsync(UserRef user, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _batcher.RecordAsync(TableKeys.ForUser(user), key, cancellationToken);
    }

    public async Task<LedgerRecord> RecordAsync(UserRef? user, string key, string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        var (partitionKey, rowKey) = (user is null ? LedgerBatcher.SharedPartitionOf(key) : TableKeys.ForUser(user), TableKeys.Encode(key));
        var callId = Guid.NewGuid().ToString("N");
        var row = new LedgerEntity
        {
            PartitionKey = partitionKey, RowKey = rowKey, Key = key, RecordedAt = _time.GetUtcNow(), Holder = holder, CallId = callId,
        };
        if (await _tables.TryAddEntityAsync(StorageTableNames.Ledger, row, cancellationToken) is not null)
        {
            return LedgerRecord.New;
        }

        var stored = await _tables.GetEntityOrDefaultAsync<LedgerEntity>(StorageTableNames.Ledger, partitionKey, rowKey, cancellationToken);
        return stored switch
        {
            // The SDK retried an insert whose first try was applied: the 409 is our own row.
            { CallId: { } id } when id == callId => LedgerRecord.New,
            { Holder: { } h } when h == holder => LedgerRecord.SameHolder,
            _ => LedgerRecord.Taken,
        };
    }

    public async Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken)
    {
        var old = await _tables.QueryAsync<LedgerEntity>(
            StorageTableNames.Ledger, TableClient.CreateQueryFilter($"RecordedAt lt {recordedBefore}"), KeyColumns, cancellationToken);
        foreach (var row in old)
        {
            await _tables.DeleteEntityAsync(StorageTableNames.Ledger, row.PartitionKey, row.RowKey, cancellationToken);
        }

        return old.Count;
    }

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _tables.DeletePartitionAsync(StorageTableNames.Ledger, TableKeys.ForUser(user), cancellationToken);
    }
}
