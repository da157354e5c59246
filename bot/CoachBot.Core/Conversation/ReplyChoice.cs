namespace CoachBot.Core.Conversation;

/// <summary>One option of a choice input.</summary>
public sealed record ReplyChoice(string Label, string Value);
