namespace CoachBot.Host.Local;

/// <summary>Answer of <c>POST /api/local/messages</c>.</summary>
/// <param name="Replies">The bot's replies, in order, with attachments as download links.</param>
/// <param name="Duplicate">True when the message id was seen before and nothing was done.</param>
public sealed record LocalMessageResponse(IReadOnlyList<LocalReply> Replies, bool Duplicate);
