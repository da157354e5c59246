using CoachBot.Content.Model;
using CoachBot.Core.Habits;

namespace CoachBot.Core.OneOnOnes;

/// <summary>Everything <see cref="AgendaBuilder"/> needs, read from the stores by the caller.</summary>
/// <param name="Pairing">Whose meeting.</param>
/// <param name="MeetingDate">The meeting's date in the pairing's time zone.</param>
/// <param name="TalkingPointsSince">Talking points created before this instant were for an earlier meeting; null for the first meeting.</param>
/// <param name="ActionItems">Every action item of the pairing.</param>
/// <param name="ManagerPoints">Every talking point of the manager.</param>
/// <param name="ReportPoints">Every talking point of the report.</param>
/// <param name="ReportPractice">The report's practice over the recent window.</param>
/// <param name="AskedQuestions">Every question suggested for the pairing so far.</param>
/// <param name="Questions">The question bank.</param>
public sealed record AgendaInput(
    Pairing Pairing,
    DateOnly MeetingDate,
    DateTimeOffset? TalkingPointsSince,
    IReadOnlyList<ActionItem> ActionItems,
    IReadOnlyList<TalkingPoint> ManagerPoints,
    IReadOnlyList<TalkingPoint> ReportPoints,
    IReadOnlyList<PracticeEntry> ReportPractice,
    IReadOnlyList<AskedQuestion> AskedQuestions,
    IReadOnlyList<OneOnOneQuestion> Questions)
{
    /// <summary>
    /// The ids of job-market steps (<see cref="MicroStep.IsJobMarket"/>): practice of them never reaches the agenda,
    /// neither in the shared practice nor in how questions are themed, so a manager cannot see that a report talks to
    /// recruiters or checks salaries.
    /// </summary>
    public IReadOnlySet<string> JobMarketSteps { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
