namespace CoachBot.Core.Reflections;

/// <summary>
/// One member's answers as the summary sees them: the texts and the consent flags, and by construction nothing that
/// says whose they are (no user, no time).
/// </summary>
public sealed record AnonymousAnswer(IReadOnlyList<AnswerPart> Parts);
