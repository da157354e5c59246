using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.Scheduling;

/// <summary>Onboarded profiles for the occurrence rule tests.</summary>
internal static class ScheduleProfiles
{
    public static UserProfile Onboarded(string timeZone = "America/New_York", string id = "alice") => new()
    {
        User = new UserRef("local", "local", id),
        TimeZoneId = timeZone,
        TimeZoneChosen = true,
        Role = "senior",
        CareerPath = "internal",
        Onboarding = OnboardingStep.Complete,
        NudgeTime = new TimeOnly(9, 0),
    };

    /// <summary>The instant of a local wall-clock time in a zone (for times that exist once).</summary>
    public static DateTimeOffset Local(string timeZone, int year, int month, int day, int hour, int minute = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
