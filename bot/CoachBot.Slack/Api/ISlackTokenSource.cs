namespace CoachBot.Slack.Api;

/// <summary>
/// Finds the bot token for a team: <see cref="SlackOptions.BotToken"/> for a single-workspace install, otherwise the
/// stored installation of the team or its enterprise.
/// </summary>
public interface ISlackTokenSource
{
    /// <summary>The bot token, or null when CoachBot is not installed in the team.</summary>
    Task<string?> GetBotTokenAsync(SlackTeam team, CancellationToken cancellationToken);
}
