using CoachBot.Core.Users;

namespace CoachBot.Core.Reflections;

/// <summary>
/// A team's channel on one chat platform: the platform (slack, msteams, local), the workspace or tenant and the
/// channel's own id without a leading <c>#</c>, so <c>#team-a</c> and <c>team-a</c> name the same channel.
/// </summary>
public sealed record TeamChannel(string Channel, string TenantId, string ConversationId)
{
    /// <summary>A stable text key, e.g. <c>local|local|team-a</c>.</summary>
    public string Key => $"{Channel}|{TenantId}|{ConversationId}";

    /// <summary>How people write the channel, e.g. <c>#team-a</c>.</summary>
    public string DisplayName => "#" + ConversationId;

    /// <summary>The channel <paramref name="conversationId"/> on the same platform and workspace as <paramref name="user"/>.</summary>
    public static TeamChannel For(UserRef user, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(conversationId);
        return new TeamChannel(user.Channel, user.TenantId, conversationId.Trim().TrimStart('#'));
    }

    public override string ToString() => Key;
}
