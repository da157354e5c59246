using CoachBot.Core.Reflections;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Reflections;

/// <summary>
/// A ReflectionsByUser row: PartitionKey = the user, RowKey = <c>{kind}|{channel key}</c>, saying the user leads
/// (<see cref="ReflectionUserIndex.Lead"/>) or is a member of (<see cref="ReflectionUserIndex.Member"/>) a channel's
/// reflection. A pointer only: readers check the primary row it points at, so a stale one is never believed.
/// </summary>
internal sealed class ReflectionIndexEntity : UserTableRow
{
    public string Kind { get; set; } = string.Empty;

    public string TeamChannel { get; set; } = string.Empty;

    public string TeamTenantId { get; set; } = string.Empty;

    public string TeamConversationId { get; set; } = string.Empty;

    public static ReflectionIndexEntity For(string kind, UserRef user, TeamChannel channel)
    {
        var row = Create<ReflectionIndexEntity>(user, TableKeys.ForUser(user), RowKeyFor(kind, channel));
        row.Kind = kind;
        row.TeamChannel = channel.Channel;
        row.TeamTenantId = channel.TenantId;
        row.TeamConversationId = channel.ConversationId;
        return row;
    }

    /// <summary>The kind, then the channel: one partition holds both kinds, each a contiguous RowKey range.</summary>
    public static string RowKeyFor(string kind, TeamChannel channel) => TableKeys.Encode(kind + "|" + channel.Key);

    public TeamChannel ToChannel() => new(TeamChannel, TeamTenantId, TeamConversationId);
}
