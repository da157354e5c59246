namespace CoachBot.Core.Conversation;

/// <summary>A typed command split into its verb (e.g. <c>log</c>) and the rest of the text.</summary>
public sealed record CommandRequest(string Verb, string Arguments);
