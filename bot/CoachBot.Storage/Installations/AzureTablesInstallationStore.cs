using CoachBot.Core.Installations;

namespace CoachBot.Storage.Installations;

/// <summary>
/// <see cref="IInstallationStore"/> on the Installations table: PartitionKey = encoded channel, RowKey = encoded
/// tenant id, so all installations of one channel form one partition.
/// </summary>
public sealed class AzureTablesInstallationStore : IInstallationStore
{
    private readonly CoachBotTables _tables;

    public AzureTablesInstallationStore(CoachBotTables tables) => _tables = tables;

    public Task SaveAsync(Installation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var row = InstallationEntity.From(
            installation, TableKeys.Encode(installation.Channel), TableKeys.Encode(installation.TenantId));
        return _tables.UpsertEntityAsync(StorageTableNames.Installations, row, cancellationToken);
    }

    public async Task<Installation?> GetAsync(string channel, string tenantId, CancellationToken cancellationToken)
    {
        var row = await _tables.GetEntityOrDefaultAsync<InstallationEntity>(
            StorageTableNames.Installations, TableKeys.Encode(channel), TableKeys.Encode(tenantId), cancellationToken);
        return row?.ToInstallation();
    }

    public Task DeleteAsync(string channel, string tenantId, CancellationToken cancellationToken) =>
        _tables.DeleteEntityAsync(
            StorageTableNames.Installations, TableKeys.Encode(channel), TableKeys.Encode(tenantId), cancellationToken);
}
