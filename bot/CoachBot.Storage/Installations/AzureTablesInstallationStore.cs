using Azure.Data.Tables;
using CoachBot.Core.Installations;
using CoachBot.Core.Storage;

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

    public async Task<IReadOnlyList<Installation>> ListByEnterpriseAsync(string channel, string enterpriseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(enterpriseId);

        // One partition per channel, filtered on the column: installs are few (one row per workspace), and a lookup
        // table kept beside them could go stale on a re-install under another enterprise.
        var rows = await _tables.QueryAsync<InstallationEntity>(
            StorageTableNames.Installations,
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channel)} and EnterpriseId eq {enterpriseId}"),
            select: null,
            cancellationToken);
        return [.. rows.Select(r => r.ToInstallation())];
    }

    public async Task<IReadOnlyList<Installation>> ListAsync(string channel, CancellationToken cancellationToken)
    {
        var rows = await _tables.QueryAsync<InstallationEntity>(
            StorageTableNames.Installations,
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channel)}"),
            select: null,
            cancellationToken);
        return [.. rows.Select(r => r.ToInstallation())];
    }

    public async Task<bool> ReplaceBotTokenAsync(string channel, string tenantId, string expectedBotToken, string newBotToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedBotToken);
        ArgumentException.ThrowIfNullOrEmpty(newBotToken);
        var row = await _tables.GetEntityOrDefaultAsync<InstallationEntity>(
            StorageTableNames.Installations, TableKeys.Encode(channel), TableKeys.Encode(tenantId), cancellationToken);
        if (row is null || !string.Equals(row.BotToken, expectedBotToken, StringComparison.Ordinal))
        {
            return false;
        }

        row.BotToken = newBotToken;
        try
        {
            // The ETag of the row just read: a reinstall or uninstall in between wins, and this change is dropped.
            await _tables.UpdateEntityAsync(StorageTableNames.Installations, row, row.ETag, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    public Task DeleteAsync(string channel, string tenantId, CancellationToken cancellationToken) =>
        _tables.DeleteEntityAsync(
            StorageTableNames.Installations, TableKeys.Encode(channel), TableKeys.Encode(tenantId), cancellationToken);
}
