using Azure.Data.Tables;
using CoachBot.Core.Installations;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Installations;

/// <summary>
/// <see cref="IPendingUninstallStore"/> on the PendingUninstalls table, keyed like Installations (PartitionKey =
/// encoded channel, RowKey = encoded tenant id); a personal uninstall's RowKey is the encoded <c>tenant|user</c>, so it
/// never overwrites the tenant's row. The table holds only uninstalls inside their grace period, so the daily scan
/// of <see cref="ListDueAsync"/> reads a handful of rows.
/// </summary>
public sealed class AzureTablesPendingUninstallStore : IPendingUninstallStore
{
    private readonly CoachBotTables _tables;

    public AzureTablesPendingUninstallStore(CoachBotTables tables) => _tables = tables;

    public async Task MarkAsync(PendingUninstall uninstall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uninstall);
        var row = PendingUninstallEntity.From(
            uninstall, TableKeys.Encode(uninstall.Channel), RowKey(uninstall.TenantId, uninstall.UserId));
        // Insert-only: a second uninstall event finds the row and leaves the first time in place.
        _ = await _tables.TryAddEntityAsync(StorageTableNames.PendingUninstalls, row, cancellationToken);
    }

    public Task ClearAsync(string channel, string tenantId, CancellationToken cancellationToken) =>
        _tables.DeleteEntityAsync(
            StorageTableNames.PendingUninstalls, TableKeys.Encode(channel), RowKey(tenantId, null), cancellationToken);

    public Task<PendingUninstall?> GetAsync(string channel, string tenantId, CancellationToken cancellationToken) =>
        GetRowAsync(channel, RowKey(tenantId, null), cancellationToken);

    public Task ClearUserAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _tables.DeleteEntityAsync(
            StorageTableNames.PendingUninstalls, TableKeys.Encode(user.Channel), RowKey(user.TenantId, user.UserId), cancellationToken);
    }

    public Task<PendingUninstall?> GetUserAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return GetRowAsync(user.Channel, RowKey(user.TenantId, user.UserId), cancellationToken);
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

    public async Task<IReadOnlyList<PendingUninstall>> ListAllAsync(CancellationToken cancellationToken)
    {
        var rows = await _tables.QueryAsync<PendingUninstallEntity>(
            StorageTableNames.PendingUninstalls, filter: string.Empty, select: null, cancellationToken);
        return [.. rows.Select(row => row.ToPendingUninstall())];
    }

    // Tenant and user ids never contain '|' (Slack T.../U..., Teams GUIDs and 29:... ids), so the two forms never meet.
    private static string RowKey(string tenantId, string? userId) =>
        TableKeys.Encode(userId is null ? tenantId : tenantId + "|" + userId);

    private async Task<PendingUninstall?> GetRowAsync(string channel, string rowKey, CancellationToken cancellationToken)
    {
        var row = await _tables.GetEntityOrDefaultAsync<PendingUninstallEntity>(
            StorageTableNames.PendingUninstalls, TableKeys.Encode(channel), rowKey, cancellationToken);
        return row?.ToPendingUninstall();
    }
}
