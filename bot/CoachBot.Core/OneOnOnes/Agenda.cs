using CoachBot.Content.Model;
using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>What to talk about at one meeting of a pairing.</summary>
/// <param name="Pairing">Whose meeting.</param>
/// <param name="MeetingDate">The meeting's date in the pairing's time zone.</param>
/// <param name="OpenActionItems">Action items not done yet, oldest first.</param>
/// <param name="TalkingPoints">Talking points of both people, oldest first.</param>
/// <param name="SharedPractice">The report's recent practice per action, most first; null when the report does not share it.</param>
/// <param name="ManagerQuestions">Up to three suggested questions meant for the manager to ask (audience manager or both).</param>
/// <param name="ReportQuestions">Suggested questions meant for the report to ask (audience report or both).</param>
/// <param name="NewQuestions">The questions chosen now that should be recorded for the meeting (empty when all were recorded before).</param>
public sealed record Agenda(
    Pairing Pairing,
    DateOnly MeetingDate,
    IReadOnlyList<ActionItem> OpenActionItems,
    IReadOnlyList<AgendaTalkingPoint> TalkingPoints,
    IReadOnlyList<PracticeCount>? SharedPractice,
    IReadOnlyList<OneOnOneQuestion> ManagerQuestions,
    IReadOnlyList<OneOnOneQuestion> ReportQuestions,
    IReadOnlyList<AskedQuestion> NewQuestions)
{
    /// <summary>The questions meant for <paramref name="reader"/>'s side of the pairing.</summary>
    public IReadOnlyList<OneOnOneQuestion> QuestionsFor(UserRef reader) => reader == Pairing.Manager ? ManagerQuestions : ReportQuestions;
}
