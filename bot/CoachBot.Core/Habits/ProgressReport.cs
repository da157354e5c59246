using CoachBot.Core.Skills;

namespace CoachBot.Core.Habits;

/// <summary>Everything <c>progress</c> and the progress chart show, computed by <see cref="ProgressReportService"/>.</summary>
/// <param name="Today">The user's local date the report was made for.</param>
/// <param name="Streak">Current and longest streak in working days.</param>
/// <param name="Actions">One entry per action, in content order.</param>
/// <param name="NeglectedActionId">The action practised least over 12 weeks (ties: least recently), or null when
/// nothing was practised.</param>
/// <param name="LatestSkills">The newest skill self-assessment, or null.</param>
/// <param name="PreviousSkills">The one before it, or null.</param>
public sealed record ProgressReport(
    DateOnly Today,
    Streak Streak,
    IReadOnlyList<ActionProgress> Actions,
    string? NeglectedActionId,
    SkillAssessment? LatestSkills,
    SkillAssessment? PreviousSkills)
{
    /// <summary>
    /// The practice calendar the chart draws: every local day from the Monday <see cref="ProgressReportService.CalendarWeeks"/>
    /// weeks back (the current week counted) to <see cref="Today"/>, oldest first.
    /// </summary>
    public IReadOnlyList<CalendarDay> Calendar { get; init; } = [];

    /// <summary>Every skill self-assessment, oldest month first (<see cref="LatestSkills"/> is the last).</summary>
    public IReadOnlyList<SkillAssessment> Assessments { get; init; } = [];

    /// <summary>The action practised most over 12 weeks (ties: content order), or null when nothing was practised.</summary>
    public ActionProgress? Busiest => Actions.Where(a => a.Last12Weeks > 0).OrderByDescending(a => a.Last12Weeks).FirstOrDefault();

    /// <summary>Practices over 12 weeks, all actions together.</summary>
    public int Total12Weeks => Actions.Sum(a => a.Last12Weeks);
}
