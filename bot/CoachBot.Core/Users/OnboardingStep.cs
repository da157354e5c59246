namespace CoachBot.Core.Users;

/// <summary>Where a user is in the first-contact questions; <see cref="Complete"/> once all are answered.</summary>
public enum OnboardingStep
{
    Role,
    Path,
    NudgeTime,
    WorkingDays,
    Complete,
}
