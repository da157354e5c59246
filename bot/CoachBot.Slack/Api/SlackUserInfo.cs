namespace CoachBot.Slack.Api;

/// <summary>What users.info says about a person that the coach uses.</summary>
public sealed record SlackUserInfo(string Id, string? Name, string? TimeZone, string? Locale, bool IsBot, bool Deleted);
