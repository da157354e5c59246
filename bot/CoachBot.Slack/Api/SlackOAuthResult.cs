namespace CoachBot.Slack.Api;

/// <summary>The useful part of an oauth.v2.access answer. <see cref="BotToken"/> is a secret.</summary>
public sealed record SlackOAuthResult(
    SlackTeam Team,
    string BotToken,
    string? BotUserId,
    string? AppId,
    IReadOnlyList<string> Scopes,
    string? InstallerUserId,
    bool IsEnterpriseInstall)
{
    /// <summary>Omits the token so an accidental log line cannot leak it.</summary>
    public override string ToString() => $"SlackOAuthResult {{ Team = {Team}, BotUserId = {BotUserId}, AppId = {AppId} }}";
}
