namespace CoachBot.Core.Installations;

/// <summary>
/// CoachBot installed in a Slack workspace / enterprise or a Teams tenant. The bot token is a secret: never log
/// this record whole.
/// </summary>
public sealed record Installation(
    string Channel,
    string TenantId,
    string? EnterpriseId,
    string? BotUserId,
    string? BotToken,
    IReadOnlyList<string> Scopes,
    DateTimeOffset InstalledAt)
{
    /// <summary>Omits the token so an accidental log line cannot leak it.</summary>
    public override string ToString() => $"Installation {{ Channel = {Channel}, TenantId = {TenantId}, EnterpriseId = {EnterpriseId} }}";
}
