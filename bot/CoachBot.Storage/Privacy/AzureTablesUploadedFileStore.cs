using Azure.Data.Tables;
using CoachBot.Core.Privacy;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Privacy;

/// <summary>
/// <see cref="IUploadedFileStore"/> on the UploadedFiles table: PartitionKey = encoded <see cref="UserRef.Key"/>,
/// RowKey = the encoded file id, so a user's files are one partition scan.
/// </summary>
public sealed class AzureTablesUploadedFileStore : IUploadedFileStore
{
    private readonly CoachBotTables _tables;
    private readonly TimeProvider _clock;

    public AzureTablesUploadedFileStore(CoachBotTables tables, TimeProvider clock)
    {
        _tables = tables;
        _clock = clock;
    }

    public Task AddAsync(UserRef user, string fileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        return _tables.UpsertEntityAsync(StorageTableNames.UploadedFiles, UploadedFileEntity.From(user, fileId, _clock.GetUtcNow()), cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var rows = await _tables.QueryAsync<UploadedFileEntity>(
            StorageTableNames.UploadedFiles,
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.ForUser(user)}"),
            select: null,
            cancellationToken);
        return [.. rows.Select(row => row.FileId)];
    }

    public Task DeleteAsync(UserRef user, string fileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        return _tables.DeleteEntityAsync(StorageTableNames.UploadedFiles, TableKeys.ForUser(user), TableKeys.Encode(fileId), cancellationToken);
    }
}
