using CoachBot.Core.Conversation;

namespace CoachBot.Host.Local;

/// <summary>Answer of <c>POST /api/local/messages</c>.</summary>
/// <param name="Replies">The bot's replies, in order.</param>
/// <param name="Duplicate">True when the message id was seen before and nothing was done.</param>
public sealed record LocalMessageResponse(IReadOnlyList<Reply> Replies, bool Duplicate);
