using Azure.Data.Tables;
using CoachBot.Core.OneOnOnes.Calendar;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Calendar;

/// <summary>
/// <see cref="ICalendarFeedStore"/> on the CalendarFeeds table (<see cref="CalendarFeedEntity"/>). The user's row is
/// the authority: a hash row opens a feed only while the user's row still names that hash, so a hash row left behind
/// by two resets at once revokes all the same.
/// </summary>
public sealed class AzureTablesCalendarFeedStore : ICalendarFeedStore
{
    private const string Table = StorageTableNames.CalendarFeeds;

    private readonly CoachBotTables _tables;

    public AzureTablesCalendarFeedStore(CoachBotTables tables) => _tables = tables;

    public async Task<UserRef?> FindUserAsync(string tokenHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        var byHash = await _tables.GetEntityOrDefaultAsync<CalendarFeedEntity>(Table, TableKeys.Encode(tokenHash), CalendarFeedEntity.HashRow, cancellationToken);
        if (byHash is null)
        {
            return null;
        }

        var user = byHash.ToUser();
        var current = await GetAsync(user, cancellationToken);
        return current is not null && string.Equals(current.TokenHash, tokenHash, StringComparison.Ordinal) ? user : null;
    }

    public async Task<CalendarFeedRecord?> GetAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var row = await _tables.GetEntityOrDefaultAsync<CalendarFeedEntity>(Table, TableKeys.ForUser(user), CalendarFeedEntity.UserRow, cancellationToken);
        return row is null ? null : new CalendarFeedRecord(row.TokenHash, TableDates.FromColumn(row.CreatedAt), row.MadeByTurn);
    }

    public async Task ReplaceAsync(UserRef user, CalendarFeedRecord feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(feed);
        var previous = await GetAsync(user, cancellationToken);

        // The new hash row first, then the user's row makes it current (and the old one dead), then the old row goes.
        await _tables.UpsertEntityAsync(Table, CalendarFeedEntity.For(user, TableKeys.Encode(feed.TokenHash), CalendarFeedEntity.HashRow, feed.TokenHash, feed.CreatedAt), cancellationToken);
        await _tables.UpsertEntityAsync(Table, CalendarFeedEntity.For(user, TableKeys.ForUser(user), CalendarFeedEntity.UserRow, feed.TokenHash, feed.CreatedAt, feed.MadeByTurn), cancellationToken);
        if (previous is not null && previous.TokenHash != feed.TokenHash)
        {
            await _tables.DeleteEntityAsync(Table, TableKeys.Encode(previous.TokenHash), CalendarFeedEntity.HashRow, cancellationToken);
        }
    }

    public async Task DeleteAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);

        // Every row naming the user, left-behind hash rows included. A small table: one or two rows per user.
        var rows = await _tables.QueryAsync<CalendarFeedEntity>(
            Table,
            TableClient.CreateQueryFilter($"Channel eq {user.Channel} and TenantId eq {user.TenantId} and UserId eq {user.UserId}"),
            select: null,
            cancellationToken);

        // The user's row last: until it goes, a failed run is found and finished by running forget me again.
        foreach (var row in rows.OrderBy(r => r.RowKey == CalendarFeedEntity.UserRow))
        {
            await _tables.DeleteEntityAsync(Table, row.PartitionKey, row.RowKey, cancellationToken);
        }
    }
}
