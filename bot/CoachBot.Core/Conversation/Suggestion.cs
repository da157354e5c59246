namespace CoachBot.Core.Conversation;

/// <summary>A verb a typo most likely meant, with the rest of what was typed after the mistyped words.</summary>
public sealed record Suggestion(string Verb, string Arguments);
