using CoachBot.Core.Users;

namespace CoachBot.Storage;

/// <summary>
/// A row about one user. The user's ids are stored as columns as well as (encoded, maybe shortened) in the keys, so
/// reading never has to decode a key.
/// </summary>
internal abstract class UserTableRow : TableRow
{
    public string Channel { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    /// <summary>The user, from the stored columns.</summary>
    protected UserRef User() => new(Channel, TenantId, UserId);

    /// <summary>A new row of type <typeparamref name="T"/> for <paramref name="user"/> at the given keys.</summary>
    protected static T Create<T>(UserRef user, string partitionKey, string rowKey)
        where T : UserTableRow, new() => new()
        {
            PartitionKey = partitionKey,
            RowKey = rowKey,
            Channel = user.Channel,
            TenantId = user.TenantId,
            UserId = user.UserId,
        };
}
