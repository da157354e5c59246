namespace CoachBot.Core.Reflections;

/// <summary>The answer to one prompt and whether the author lets the summary quote it (anonymously).</summary>
public sealed record AnswerPart(string PromptId, string Text, bool MayQuote);
