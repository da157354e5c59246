namespace CoachBot.Core.Scheduling;

/// <summary>
/// The kinds of scheduled message (PRODUCT.md sections 2 to 5). The value is part of every ledger key
/// (<c>{user}:{kind}:{occurrence}</c>), so a value must never change once released.
/// </summary>
public static class ScheduleKinds
{
    /// <summary>The daily micro-step at the user's nudge time on working days.</summary>
    public const string HabitNudge = "nudge";

    /// <summary>The same step again when the user pressed Snooze 2h.</summary>
    public const string HabitSnooze = "snooze";

    /// <summary>The weekly reading suggestion.</summary>
    public const string Reading = "reading";

    /// <summary>The monthly self-assessment of the five essential skills.</summary>
    public const string SkillsCheckIn = "skills";

    /// <summary>"Your 1-on-1 is in N hours" with the agenda; one kind per lead time (prep24, prep1).</summary>
    public const string OneOnOnePrep = "prep";

    /// <summary>After the meeting: capture notes and action items.</summary>
    public const string OneOnOneFollowUp = "followup";

    /// <summary>A team reflection round opens: every member gets the prompts by DM.</summary>
    public const string ReflectionOpen = "reflection-open";

    /// <summary>A day before the round closes: members who have not answered are reminded.</summary>
    public const string ReflectionReminder = "reflection-remind";

    /// <summary>The round closes and the channel gets the summary.</summary>
    public const string ReflectionClose = "reflection-close";

    /// <summary>The kind of a prep prompt <paramref name="hoursBefore"/> hours before the meeting, e.g. <c>prep24</c>.</summary>
    public static string Prep(int hoursBefore) => OneOnOnePrep + hoursBefore.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for the kinds that follow the user's "DM or App Home only" choice (the coaching nudges).</summary>
    public static bool FollowsNudgeChannel(string kind) => kind is HabitNudge or HabitSnooze or Reading or SkillsCheckIn;
}
