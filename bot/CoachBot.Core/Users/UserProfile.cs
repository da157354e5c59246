using CoachBot.Core.Time;

namespace CoachBot.Core.Users;

/// <summary>A user's profile and settings. Immutable: change it with <c>with</c> and save it through the store.</summary>
public sealed record UserProfile
{
    /// <summary>Monday to Friday, the default working week.</summary>
    public static readonly IReadOnlyList<DayOfWeek> DefaultWorkingDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public required UserRef User { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>Content language: en or ja.</summary>
    public string Language { get; init; } = "en";

    /// <summary>IANA time zone id, e.g. Asia/Tokyo.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>True once the user set the time zone themselves; channel hints no longer overwrite it.</summary>
    public bool TimeZoneChosen { get; init; }

    /// <summary>Local time of the daily nudge.</summary>
    public TimeOnly NudgeTime { get; init; } = new(9, 0);

    public IReadOnlyList<DayOfWeek> WorkingDays { get; init; } = DefaultWorkingDays;

    /// <summary>One of the content vocabulary's user roles, or null until answered.</summary>
    public string? Role { get; init; }

    /// <summary>One of the content vocabulary's career paths, or null until answered.</summary>
    public string? CareerPath { get; init; }

    public OnboardingStep Onboarding { get; init; } = OnboardingStep.Role;

    /// <summary>The local date <see cref="TodayStepId"/> was chosen for.</summary>
    public DateOnly? TodayDate { get; init; }

    /// <summary>Today's micro-step, so `today` and `done` agree for the whole day.</summary>
    public string? TodayStepId { get; init; }

    /// <summary>Start of the quiet hours (no nudges), local time; null when there are none.</summary>
    public TimeOnly? QuietHoursStart { get; init; }

    /// <summary>End of the quiet hours, local time (may be earlier than the start: the quiet hours cross midnight).</summary>
    public TimeOnly? QuietHoursEnd { get; init; }

    /// <summary>Pauses (vacations), past and current, newest last. Paused days never break a streak.</summary>
    public IReadOnlyList<DateRange> Pauses { get; init; } = [];

    /// <summary>Single days off (public holidays); they never break a streak.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    /// <summary>True when the user stopped all nudges (they can still talk to the bot).</summary>
    public bool NudgesStopped { get; init; }

    public NudgeChannel NudgeChannel { get; init; } = NudgeChannel.DirectMessage;

    /// <summary>Steps the user declined today with "Another one" or "Skip" (reset when the day changes).</summary>
    public IReadOnlyList<string> TodayDeclined { get; init; } = [];

    /// <summary>True when the user skipped today's step: no more nudges today.</summary>
    public bool TodaySkipped { get; init; }

    /// <summary>When a snoozed nudge should come back (UTC); null when not snoozed.</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }

    /// <summary>The book being read, a reading list id.</summary>
    public string? ReadingBookId { get; init; }

    /// <summary>The local date the current book was suggested or started.</summary>
    public DateOnly? ReadingSince { get; init; }

    /// <summary>Books finished, oldest first.</summary>
    public IReadOnlyList<string> BooksFinished { get; init; } = [];

    /// <summary>Books passed over with `reading next`; suggested again only when nothing else is left.</summary>
    public IReadOnlyList<string> BooksSkipped { get; init; } = [];

    /// <summary>The mission the user chose to focus on (`missions focus`), one of the six mission ids; null for none.
    /// The daily step and the reading suggestion prefer it (docs/decisions/0033-missions.md).</summary>
    public string? MissionFocus { get; init; }

    /// <summary>The local date the "your setup isn't finished" reminder was last shown: at most once a day.</summary>
    public DateOnly? SetupRemindedOn { get; init; }

    /// <summary>
    /// True when the user lets the leads of their teams see their own numbers in <c>team health</c> (<c>share</c>; off
    /// with <c>share off</c>). Off by default: without it a lead only ever sees figures of three or more people.
    /// </summary>
    public bool ShareWithLeads { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The store's concurrency token (an ETag); null for a profile never saved.</summary>
    public string? Version { get; init; }
}
