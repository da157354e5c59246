namespace CoachBot.Core.Conversation;

/// <summary>An image by URL with its alternative text.</summary>
public sealed record ReplyImage(string Url, string AltText);
