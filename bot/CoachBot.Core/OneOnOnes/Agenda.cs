using CoachBot.Content.Model;

namespace CoachBot.Core.OneOnOnes;

/// <summary>What to talk about at one meeting of a pairing.</summary>
/// <param name="Pairing">Whose meeting.</param>
/// <param name="MeetingDate">The meeting's date in the pairing's time zone.</param>
/// <param name="OpenActionItems">Action items not done yet, oldest first.</param>
/// <param name="TalkingPoints">Talking points of both people, oldest first.</param>
/// <param name="SharedPractice">The report's recent practice per action, most first; null when the report does not share it.</param>
/// <param name="Questions">Two or three suggested questions from the bank.</param>
/// <param name="NewQuestions">True when the questions were chosen now and should be recorded for the meeting.</param>
public sealed record Agenda(
    Pairing Pairing,
    DateOnly MeetingDate,
    IReadOnlyList<ActionItem> OpenActionItems,
    IReadOnlyList<AgendaTalkingPoint> TalkingPoints,
    IReadOnlyList<PracticeCount>? SharedPractice,
    IReadOnlyList<OneOnOneQuestion> Questions,
    bool NewQuestions);
