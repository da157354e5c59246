namespace CoachBot.Core.Conversation;

/// <summary>A link shown as a button that opens <see cref="Url"/> in the browser (no turn comes back to the bot).</summary>
public sealed record ReplyLink(string Label, string Url);
