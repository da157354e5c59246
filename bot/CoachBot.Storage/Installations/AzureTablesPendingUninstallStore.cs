using Azure.Data.Tables;
using CoachBot.Core.Installations;

namespace CoachBot.Storage.Installations;

/// <summary>
/// <see cref="IPendingUninstallStore"/> on the PendingUninstalls table, keyed like Installations (PartitionKey =
/// encoded channel, RowKey = encoded tenant id). The table holds only tenants inside their grace period, so the
/// daily scan of <see cref="ListDueAsync"/> reads a handful of rows.
/// </summary>
public sealed class AzureTablesPendingUninstallStore : IPendingUninstallStore
{
    private readonly CoachBotTables _tables;

    public AzureTablesPendingUninstallStore(CoachBotTables tables) => _tables = tables;

    public async Task MarkAsync(PendingUninstall uninstall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uninstall);
        var row = PendingUninstallEntity.From(
            uninstall, TableKeys.Encode(uninstall.Channel), TableKeys.Encode(uninstall.TenantId));
        // Insert-only: a second uninstall event finds the row and leaves the first time in place.
        _ = await _tables.TryAddEntityAsync(StorageTableNames.PendingUninstalls, row, cancellationToken);
    }

    public Task ClearAsync(string channel, string tenantId, CancellationToken cancellationToken) =>
        _tables.DeleteEntityAsync(
            StorageTableNames.PendingUninstalls, TableKeys.Encode(channel), TableKeys.Encode(tenantId), cancellationToken);

    public async Task<PendingUninstall?> GetAsync(string channel, string tenantId, CancellationToken cancellationToken)
    {
        var row = await _tables.GetEntityOrDefaultAsync<PendingUninstallEntity>(
            StorageTableNames.PendingUninstalls, TableKeys.Encode(channel), TableKeys.Encode(tenantId), cancellationToken);
        return row?.ToPendingUninstall();
    }

    public async Task<IReadOnlyList<PendingUninstall>> ListDueAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var rows = await _tables.QueryAsync<PendingUninstallEntity>(
            StorageTableNames.PendingUninstalls,
            TableClient.CreateQueryFilter($"UninstalledAt le {cutoff}"),
            select: null,
            cancellationToken);
        return [.. rows.Select(row => row.ToPendingUninstall())];
    }
}
