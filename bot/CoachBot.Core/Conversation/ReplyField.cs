namespace CoachBot.Core.Conversation;

/// <summary>A label and a value shown side by side.</summary>
public sealed record ReplyField(string Label, string Value);
