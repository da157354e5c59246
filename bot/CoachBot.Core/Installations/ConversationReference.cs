using CoachBot.Core.Users;

namespace CoachBot.Core.Installations;

/// <summary>Where to send proactive messages to a user (a Slack DM channel, a Teams 1:1 conversation).</summary>
public sealed record ConversationReference(
    UserRef User,
    string ConversationId,
    string? ServiceUrl,
    string? BotId,
    string? Locale,
    DateTimeOffset UpdatedAt);
