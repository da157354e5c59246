namespace CoachBot.Core.Users;

/// <summary>Where a user is in the first-contact questions; <see cref="Complete"/> once all are answered.</summary>
public enum OnboardingStep
{
    /// <summary>
    /// Known to the bot through 1-on-1s or team reflections only: the habit questions were never asked. Nothing about
    /// the daily practice is sent until the user types <c>start</c>.
    /// </summary>
    NotStarted,

    Role,
    Path,
    NudgeTime,
    WorkingDays,
    Complete,
}
