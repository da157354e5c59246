using CoachBot.Core.Delivery;

namespace CoachBot.Storage.Delivery;

/// <summary>
/// <see cref="IDeliveryLedger"/> on the Ledger table: one insert-only row per key (PartitionKey = encoded key,
/// RowKey empty). The service's 409 on a second insert is what makes "exactly once" hold across replicas.
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

    public async Task<bool> TryRecordAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var row = new LedgerEntity
        {
            PartitionKey = TableKeys.Encode(key),
            RowKey = string.Empty,
            Key = key,
            RecordedAt = _time.GetUtcNow(),
        };
        return await _tables.TryAddEntityAsync(StorageTableNames.Ledger, row, cancellationToken) is not null;
    }
}
