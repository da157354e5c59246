using CoachBot.Core.Scheduling;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.Scheduling;

public sealed class CoachingCalendarTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    [Theory]
    [InlineData(22, 0, true)]
    [InlineData(23, 59, true)]
    [InlineData(0, 0, true)]
    [InlineData(6, 59, true)]
    [InlineData(7, 0, false)]
    [InlineData(12, 0, false)]
    [InlineData(21, 59, false)]
    public void IsQuiet_QuietHoursAcrossMidnight_StartIncludedEndExcluded(int hour, int minute, bool quiet)
    {
        var calendar = new CoachingCalendar(ScheduleProfiles.Onboarded() with { QuietHoursStart = new TimeOnly(22, 0), QuietHoursEnd = new TimeOnly(7, 0) });

        Assert.Equal(quiet, calendar.IsQuiet(new TimeOnly(hour, minute)));
    }

    [Theory]
    [InlineData(12, 59, false)]
    [InlineData(13, 0, true)]
    [InlineData(13, 59, true)]
    [InlineData(14, 0, false)]
    public void IsQuiet_QuietHoursWithinTheDay_StartIncludedEndExcluded(int hour, int minute, bool quiet)
    {
        var calendar = new CoachingCalendar(ScheduleProfiles.Onboarded() with { QuietHoursStart = new TimeOnly(13, 0), QuietHoursEnd = new TimeOnly(14, 0) });

        Assert.Equal(quiet, calendar.IsQuiet(new TimeOnly(hour, minute)));
    }

    [Fact]
    public void IsQuiet_NoQuietHours_NeverQuiet()
    {
        var calendar = new CoachingCalendar(ScheduleProfiles.Onboarded());

        Assert.False(calendar.IsQuiet(new TimeOnly(3, 0)));
    }

    [Fact]
    public void SendTime_InsideQuietHoursThatEndLaterThatDay_DefersToTheQuietEnd()
    {
        var calendar = new CoachingCalendar(ScheduleProfiles.Onboarded() with { QuietHoursStart = new TimeOnly(22, 0), QuietHoursEnd = new TimeOnly(9, 30) });

        Assert.Equal(ScheduleProfiles.Local("America/New_York", 2026, 3, 2, 9, 30), calendar.SendTime(Monday, new TimeOnly(9, 0)));
    }

    [Fact]
    public void SendTime_InsideQuietHoursThatEndTheNextDay_IsDropped()
    {
        var calendar = new CoachingCalendar(ScheduleProfiles.Onboarded() with { QuietHoursStart = new TimeOnly(22, 0), QuietHoursEnd = new TimeOnly(7, 0) });

        Assert.Null(calendar.SendTime(Monday, new TimeOnly(23, 0)));
    }

    [Fact]
    public void SendTime_OutsideQuietHours_IsThatTime()
    {
        var calendar = new CoachingCalendar(ScheduleProfiles.Onboarded() with { QuietHoursStart = new TimeOnly(22, 0), QuietHoursEnd = new TimeOnly(7, 0) });

        Assert.Equal(ScheduleProfiles.Local("America/New_York", 2026, 3, 2, 9, 0), calendar.SendTime(Monday, new TimeOnly(9, 0)));
    }

    [Fact]
    public void SendTime_InstantInsideQuietHours_DefersToTheQuietEndInTheUsersZone()
    {
        var calendar = new CoachingCalendar(ScheduleProfiles.Onboarded("Asia/Tokyo") with { QuietHoursStart = new TimeOnly(22, 0), QuietHoursEnd = new TimeOnly(8, 0) });

        // 06:00 in Tokyo is 21:00 UTC the day before.
        var due = calendar.SendTime(new DateTimeOffset(2026, 3, 1, 21, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void IsCoachingDay_WeekendHolidayAndPause_AreNot()
    {
        var calendar = new CoachingCalendar(ScheduleProfiles.Onboarded() with
        {
            Holidays = [Monday],
            Pauses = [new DateRange(Monday.AddDays(2), Monday.AddDays(3))],
        });

        Assert.False(calendar.IsCoachingDay(Monday));
        Assert.True(calendar.IsCoachingDay(Monday.AddDays(1)));
        Assert.False(calendar.IsCoachingDay(Monday.AddDays(2)));
        Assert.False(calendar.IsCoachingDay(Monday.AddDays(3)));
        Assert.True(calendar.IsCoachingDay(Monday.AddDays(4)));
        Assert.False(calendar.IsCoachingDay(Monday.AddDays(5)));
        Assert.False(calendar.IsCoachingDay(Monday.AddDays(6)));
        Assert.True(calendar.IsAway(Monday));
        Assert.False(calendar.IsAway(Monday.AddDays(5)));
    }

    [Theory]
    [InlineData(OnboardingStep.Complete, false, true)]
    [InlineData(OnboardingStep.Complete, true, false)]
    [InlineData(OnboardingStep.WorkingDays, false, false)]
    public void TakesNudges_OnboardingAndStop_OnlyOnboardedAndNotStopped(OnboardingStep step, bool stopped, bool takes)
    {
        var calendar = new CoachingCalendar(ScheduleProfiles.Onboarded() with { Onboarding = step, NudgesStopped = stopped });

        Assert.Equal(takes, calendar.TakesNudges);
    }

    [Fact]
    public void NudgeTimePlus_PastMidnight_StaysOnTheSameDay()
    {
        var calendar = new CoachingCalendar(ScheduleProfiles.Onboarded() with { NudgeTime = new TimeOnly(23, 0) });

        Assert.Equal(new TimeOnly(23, 59), calendar.NudgeTimePlus(TimeSpan.FromHours(2)));
    }
}
