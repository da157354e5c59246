namespace CoachBot.Storage.Calendar;

/// <summary>
/// A CalendarFeeds row: the user's row (PartitionKey = the user, RowKey <see cref="UserRow"/>) says which hash is
/// current; a hash row (PartitionKey = the token's hash, RowKey <see cref="HashRow"/>) finds the user from a URL.
/// </summary>
internal sealed class CalendarFeedEntity : UserTableRow
{
    public const string UserRow = "user";
    public const string HashRow = "hash";

    /// <summary>Lowercase hex SHA-256 of the token; the token itself is never stored.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Key of the message that made the feed (<c>TurnKeys</c>), so its redelivery makes no second one.</summary>
    public string? MadeByTurn { get; set; }

    public Core.Users.UserRef ToUser() => User();

    public static CalendarFeedEntity For(Core.Users.UserRef user, string partitionKey, string rowKey, string tokenHash, DateTimeOffset createdAt, string? madeByTurn = null)
    {
        var row = Create<CalendarFeedEntity>(user, partitionKey, rowKey);
        row.TokenHash = tokenHash;
        row.CreatedAt = TableDates.ToColumn(createdAt);
        row.MadeByTurn = madeByTurn;
        return row;
    }
}
