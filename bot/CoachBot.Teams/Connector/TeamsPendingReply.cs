using CoachBot.Teams.Protocol;

namespace CoachBot.Teams.Connector;

/// <summary>One reply on its way to a Teams conversation (kept as JSON in the inbox while it cannot be delivered).</summary>
/// <param name="ServiceUrl">The serviceUrl of the activity being answered.</param>
/// <param name="ConversationId">The conversation to post to.</param>
/// <param name="ReplyToId">The activity answered (a threaded reply), or null for a plain send.</param>
/// <param name="Activity">The rendered message.</param>
public sealed record TeamsPendingReply(string ServiceUrl, string ConversationId, string? ReplyToId, Activity Activity);
