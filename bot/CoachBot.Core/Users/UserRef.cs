namespace CoachBot.Core.Users;

/// <summary>
/// Identifies a person on one channel: the channel (slack, msteams, local), the workspace or tenant, and the
/// channel's own user id. The same human on Slack and Teams is two users; nothing is merged across channels.
/// </summary>
public sealed record UserRef(string Channel, string TenantId, string UserId)
{
    /// <summary>A stable text key, e.g. <c>slack|T123|U456</c>, used for ledger keys and logs' correlation.</summary>
    public string Key => $"{Channel}|{TenantId}|{UserId}";

    public override string ToString() => Key;
}
