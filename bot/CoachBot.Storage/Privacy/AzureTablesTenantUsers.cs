using Azure.Data.Tables;
using CoachBot.Core.Privacy;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Privacy;

/// <summary>
/// <see cref="ITenantUsers"/> over every table whose PartitionKey is a user (encoded <see cref="UserRef.Key"/>,
/// <c>channel|tenant|user</c>). Encoding escapes character by character, so every user of a tenant has a
/// PartitionKey starting with the encoded <c>channel|tenant|</c>: one PartitionKey range query per table, reading
/// only that tenant's partitions (not a scan of everyone's). The range ends just before <c>channel|tenant}</c>
/// (<c>}</c> follows <c>|</c>), so tenant <c>T1</c> never reads <c>T10</c>'s keys; the stored columns are checked too.
/// </summary>
public sealed class AzureTablesTenantUsers : ITenantUsers
{
    /// <summary>The tables keyed by user. ReflectionsByUser covers reflection members and leads (ADR 0022).</summary>
    internal static readonly IReadOnlyList<string> UserTables =
    [
        StorageTableNames.Users, StorageTableNames.Practice, StorageTableNames.Skills, StorageTableNames.TalkingPoints,
        StorageTableNames.OneOnOneIndex, StorageTableNames.ReflectionsByUser, StorageTableNames.ReflectionAuthors,
        StorageTableNames.ConversationRefs, StorageTableNames.UploadedFiles, StorageTableNames.Ledger,
        StorageTableNames.CalendarFeeds, StorageTableNames.TeamHealth,
    ];

    private static readonly string[] Columns = ["PartitionKey", "Channel", "TenantId", "UserId"];

    private readonly CoachBotTables _tables;

    public AzureTablesTenantUsers(CoachBotTables tables) => _tables = tables;

    public async Task<IReadOnlyList<UserRef>> ListAsync(string channel, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var prefix = $"{channel}|{tenantId}|";
        var from = TableKeys.Encode(prefix);
        var until = from[..^1] + (char)(from[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {until}");
        var users = new HashSet<UserRef>();
        foreach (var table in UserTables)
        {
            foreach (var row in await _tables.QueryAsync<TableEntity>(table, filter, Columns, cancellationToken))
            {
                if (UserOf(row, channel, tenantId, prefix) is { } user && user.Channel == channel && user.TenantId == tenantId)
                {
                    users.Add(user);
                }
            }
        }

        return [.. users.OrderBy(u => u.UserId, StringComparer.Ordinal)];
    }

    /// <summary>The user from the stored columns, or from the key when the row has none (the ledger's rows).</summary>
    private static UserRef? UserOf(TableEntity row, string channel, string tenantId, string prefix)
    {
        if (row.GetString("UserId") is { Length: > 0 } userId)
        {
            return new UserRef(row.GetString("Channel") ?? string.Empty, row.GetString("TenantId") ?? string.Empty, userId);
        }

        // A shortened key cannot be decoded; every user with such a key also has columns in their other rows.
        return TableKeys.TryDecode(row.PartitionKey, out var key)
            && key.StartsWith(prefix, StringComparison.Ordinal)
            && key[prefix.Length..] is { Length: > 0 } id
            && !id.Contains('|', StringComparison.Ordinal)
            ? new UserRef(channel, tenantId, id)
            : null;
    }
}
