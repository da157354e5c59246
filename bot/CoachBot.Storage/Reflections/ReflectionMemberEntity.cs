using CoachBot.Core.Reflections;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Reflections;

/// <summary>The ReflectionMembers row saying a user is in a channel. Holds no answer.</summary>
internal sealed class ReflectionMemberEntity : UserTableRow
{
    public string TeamChannel { get; set; } = string.Empty;

    public string TeamTenantId { get; set; } = string.Empty;

    public string TeamConversationId { get; set; } = string.Empty;

    /// <summary>
    /// <see cref="UserRef.Key"/> of the member. Reads go through the ReflectionsByUser index; this column is what the
    /// fallback scan before the backfill filters on.
    /// </summary>
    public string MemberKey { get; set; } = string.Empty;

    /// <summary>
    /// Set when the member left the channel (the platform's roster no longer lists them): the row stays, so their
    /// own answers are still found for export and `forget me`, but they are no longer a member.
    /// </summary>
    public bool Left { get; set; }

    public static ReflectionMemberEntity From(TeamChannel channel, UserRef member, string partitionKey, string rowKey)
    {
        var row = Create<ReflectionMemberEntity>(member, partitionKey, rowKey);
        row.TeamChannel = channel.Channel;
        row.TeamTenantId = channel.TenantId;
        row.TeamConversationId = channel.ConversationId;
        row.MemberKey = member.Key;
        return row;
    }

    public UserRef ToMember() => User();

    public TeamChannel ToChannel() => new(TeamChannel, TeamTenantId, TeamConversationId);
}
