using CoachBot.Core.Delivery;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Delivery;

/// <summary>
/// <see cref="IDeliveryLedger"/> on the Ledger table: one insert-only row per key. Keys of no one in particular use
/// PartitionKey = encoded key and an empty RowKey (a partition each spreads the load); a user's keys live in the
/// user's partition (RowKey = encoded key) so forgetting the user deletes them. The service's 409 on a second insert
/// is what makes "exactly once" hold across replicas.
/// </summary>
public sealed class AzureTablesDeliveryLedger : IDeliveryLedger
{
    private readonly CoachBotTables _tables;
    private readonly TimeProvider _time;

    public AzureTablesDeliveryLedger(CoachBotTables tables, TimeProvider time)
    {
        _tables = tables;
        _time = time;
    }

    public Task<bool> TryRecordAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return RecordAsync(TableKeys.Encode(key), string.Empty, key, cancellationToken);
    }

    public Task<bool> TryRecordAsync(UserRef user, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return RecordAsync(TableKeys.ForUser(user), TableKeys.Encode(key), key, cancellationToken);
    }

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _tables.DeletePartitionAsync(StorageTableNames.Ledger, TableKeys.ForUser(user), cancellationToken);
    }

    private async Task<bool> RecordAsync(string partitionKey, string rowKey, string key, CancellationToken cancellationToken)
    {
        var row = new LedgerEntity { PartitionKey = partitionKey, RowKey = rowKey, Key = key, RecordedAt = _time.GetUtcNow() };
        return await _tables.TryAddEntityAsync(StorageTableNames.Ledger, row, cancellationToken) is not null;
    }
}
