using Azure.Data.Tables;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Storage.OneOnOnes;

/// <summary>
/// <see cref="ITalkingPointStore"/> on the TalkingPoints table: PartitionKey = encoded <see cref="UserRef.Key"/>,
/// RowKey = encoded point id. Adding is insert-only, so the service's 409 is what keeps an id unique per user.
/// </summary>
public sealed class AzureTablesTalkingPointStore : ITalkingPointStore
{
    private readonly CoachBotTables _tables;

    public AzureTablesTalkingPointStore(CoachBotTables tables) => _tables = tables;

    public async Task<bool> AddAsync(TalkingPoint point, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(point);
        var row = TalkingPointEntity.From(point, TableKeys.ForUser(point.User), TableKeys.Encode(point.Id));
        return await _tables.TryAddEntityAsync(StorageTableNames.TalkingPoints, row, cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<TalkingPoint>> ListAsync(UserRef user, CancellationToken cancellationToken)
    {
        var rows = await _tables.QueryAsync<TalkingPointEntity>(
            StorageTableNames.TalkingPoints,
            TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.ForUser(user)}"),
            select: null,
            cancellationToken);

        // RowKeys are ids, not times: order by creation, then id so equal instants still list the same way every time.
        return
        [
            .. rows.Select(row => row.ToTalkingPoint())
                .OrderBy(p => p.CreatedAt)
                .ThenBy(p => p.Id, StringComparer.Ordinal),
        ];
    }

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken) =>
        _tables.DeletePartitionAsync(StorageTableNames.TalkingPoints, TableKeys.ForUser(user), cancellationToken);
}
