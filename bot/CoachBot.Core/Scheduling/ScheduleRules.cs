namespace CoachBot.Core.Scheduling;

/// <summary>
/// The product rules of when scheduled messages go out and how late they may still go. The scheduler binds them from
/// its options; the defaults are the ones PRODUCT.md and the scheduler issue name.
/// </summary>
public sealed record ScheduleRules
{
    /// <summary>How late a missed habit nudge, snooze, reading, skills or reflection prompt may still be sent.</summary>
    public TimeSpan NudgeGrace { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How late a missed 1-on-1 follow-up may still be sent.</summary>
    public TimeSpan FollowUpGrace { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a missed team summary may still be posted (a summary is worth posting late).</summary>
    public TimeSpan SummaryGrace { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Prep prompts before each 1-on-1, in whole hours (default 24 h and 1 h before).</summary>
    public IReadOnlyList<int> PrepHoursBefore { get; init; } = [24, 1];

    /// <summary>When the follow-up goes out, counted from the meeting's start.</summary>
    public TimeSpan FollowUpAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The weekly reading suggestion goes out this long after the nudge time on the week's first working day.</summary>
    public TimeSpan ReadingAfterNudge { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The monthly skills check-in goes out this long after the nudge time on the month's first working day.</summary>
    public TimeSpan SkillsAfterNudge { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The reflection reminder goes out this long before the round closes.</summary>
    public TimeSpan ReflectionReminderBeforeClose { get; init; } = TimeSpan.FromHours(24);
}
