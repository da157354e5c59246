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

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The store's concurrency token (an ETag); null for a profile never saved.</summary>
    public string? Version { get; init; }
}
