using CoachBot.Core.Scheduling;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.Scheduling;

public sealed class UserSchedulesTests
{
    private const string NewYork = "America/New_York";
    private static readonly UserSchedules Schedules = new(new ScheduleRules());

    [Fact]
    public void NextNudge_BeforeTheNudgeTimeOnAWorkingDay_IsThatDayAtTheNudgeTime()
    {
        var profile = ScheduleProfiles.Onboarded();

        var next = Schedules.NextNudge(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 2, 8, 59));

        Assert.NotNull(next);
        Assert.Equal(ScheduleKinds.HabitNudge, next.Kind);
        Assert.Equal("2026-03-02", next.Id);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 2, 9, 0), next.DueAt);
        Assert.Equal(next.DueAt.AddHours(2), next.Deadline);
    }

    [Fact]
    public void NextNudge_ExactlyAtTheNudgeTime_IsTheNextWorkingDay()
    {
        var profile = ScheduleProfiles.Onboarded();

        var next = Schedules.NextNudge(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 2, 9, 0));

        Assert.Equal("2026-03-03", next?.Id);
    }

    [Fact]
    public void NextNudge_FridayAfterTheNudge_SkipsTheWeekend()
    {
        var profile = ScheduleProfiles.Onboarded();

        var next = Schedules.NextNudge(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 6, 10, 0));

        Assert.Equal("2026-03-09", next?.Id);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 9, 9, 0), next?.DueAt);
    }

    [Fact]
    public void NextNudge_CustomWorkingDays_OnlyThoseDays()
    {
        var profile = ScheduleProfiles.Onboarded() with { WorkingDays = [DayOfWeek.Sunday, DayOfWeek.Wednesday] };

        var next = Schedules.NextNudge(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 2, 8, 0));

        Assert.Equal("2026-03-04", next?.Id);
    }

    [Fact]
    public void NextNudge_HolidayAndPause_AreSkipped()
    {
        var profile = ScheduleProfiles.Onboarded() with
        {
            Holidays = [new DateOnly(2026, 3, 2)],
            Pauses = [new DateRange(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 5))],
        };

        var next = Schedules.NextNudge(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 2, 0, 0));

        Assert.Equal("2026-03-06", next?.Id);
    }

    [Fact]
    public void NextNudge_Stopped_IsNone()
    {
        var profile = ScheduleProfiles.Onboarded() with { NudgesStopped = true };

        Assert.Null(Schedules.NextNudge(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 2, 0, 0)));
    }

    [Fact]
    public void NextNudge_NotOnboarded_IsNone()
    {
        var profile = ScheduleProfiles.Onboarded() with { Onboarding = OnboardingStep.NudgeTime };

        Assert.Null(Schedules.NextNudge(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 2, 0, 0)));
    }

    [Fact]
    public void NextNudge_InsideQuietHours_GoesAtTheQuietEnd()
    {
        var profile = ScheduleProfiles.Onboarded() with { QuietHoursStart = new TimeOnly(20, 0), QuietHoursEnd = new TimeOnly(9, 30) };

        var next = Schedules.NextNudge(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 2, 0, 0));

        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 2, 9, 30), next?.DueAt);
    }

    [Fact]
    public void NextNudge_NudgeTimeInTheSkippedHour_FiresOnceAtThreeOnTheDstNight()
    {
        var profile = ScheduleProfiles.Onboarded() with { NudgeTime = new TimeOnly(2, 30), WorkingDays = [.. Enum.GetValues<DayOfWeek>()] };

        var onTheNight = Schedules.NextNudge(profile, new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.Zero));
        var after = Schedules.NextNudge(profile, onTheNight!.DueAt);

        Assert.Equal("2026-03-08", onTheNight.Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), onTheNight.DueAt);
        Assert.Equal("2026-03-09", after?.Id);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 9, 2, 30), after?.DueAt);
    }

    [Fact]
    public void NextNudge_NudgeTimeInTheRepeatedHour_FiresOnceAtTheFirstOccurrence()
    {
        var profile = ScheduleProfiles.Onboarded() with { NudgeTime = new TimeOnly(1, 30), WorkingDays = [.. Enum.GetValues<DayOfWeek>()] };

        var first = Schedules.NextNudge(profile, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var after = Schedules.NextNudge(profile, first!.DueAt);

        Assert.Equal("2026-11-01", first.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), first.DueAt);

        // Not again an hour later, when 01:30 comes round the second time.
        Assert.Equal("2026-11-02", after?.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 6, 30, 0, TimeSpan.Zero), after?.DueAt);
    }

    [Fact]
    public void NextSnooze_SnoozedUntilLater_FiresOnceThen()
    {
        var until = ScheduleProfiles.Local(NewYork, 2026, 3, 2, 11, 0);
        var profile = ScheduleProfiles.Onboarded() with { SnoozedUntil = until };

        var next = Schedules.NextSnooze(profile, until.AddHours(-2));

        Assert.NotNull(next);
        Assert.Equal(ScheduleKinds.HabitSnooze, next.Kind);
        Assert.Equal(until, next.DueAt);
        Assert.Null(Schedules.NextSnooze(profile, until));
    }

    [Fact]
    public void NextSnooze_NotSnoozedOrStopped_IsNone()
    {
        var after = ScheduleProfiles.Local(NewYork, 2026, 3, 2, 9, 0);

        Assert.Null(Schedules.NextSnooze(ScheduleProfiles.Onboarded(), after));
        Assert.Null(Schedules.NextSnooze(ScheduleProfiles.Onboarded() with { SnoozedUntil = after.AddHours(2), NudgesStopped = true }, after));
    }

    [Fact]
    public void NextSnooze_IntoQuietHours_GoesAtTheQuietEnd()
    {
        var profile = ScheduleProfiles.Onboarded() with
        {
            QuietHoursStart = new TimeOnly(12, 0),
            QuietHoursEnd = new TimeOnly(13, 0),
            SnoozedUntil = ScheduleProfiles.Local(NewYork, 2026, 3, 2, 12, 15),
        };

        var next = Schedules.NextSnooze(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 2, 10, 15));

        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 2, 13, 0), next?.DueAt);
    }

    [Fact]
    public void NextReading_Monday_IsAnHourAfterTheNudgeWithTheIsoWeek()
    {
        var profile = ScheduleProfiles.Onboarded();

        var next = Schedules.NextReading(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 1, 12, 0));

        Assert.NotNull(next);
        Assert.Equal(ScheduleKinds.Reading, next.Kind);
        Assert.Equal("2026-W10", next.Id);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 2, 10, 0), next.DueAt);
    }

    [Fact]
    public void NextReading_MondayHoliday_IsTheFirstCoachingDayOfTheWeek()
    {
        var profile = ScheduleProfiles.Onboarded() with { Holidays = [new DateOnly(2026, 3, 2)] };

        var next = Schedules.NextReading(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 1, 12, 0));

        Assert.Equal("2026-W10", next?.Id);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 3, 10, 0), next?.DueAt);
    }

    [Fact]
    public void NextReading_AfterThisWeeksReading_IsNextWeeksFirstCoachingDay()
    {
        var profile = ScheduleProfiles.Onboarded();

        var next = Schedules.NextReading(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 2, 10, 0));

        Assert.Equal("2026-W11", next?.Id);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 9, 10, 0), next?.DueAt);
    }

    [Fact]
    public void NextReading_WholeWeekPaused_SkipsThatWeek()
    {
        var profile = ScheduleProfiles.Onboarded() with { Pauses = [new DateRange(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8))] };

        var next = Schedules.NextReading(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 1, 12, 0));

        Assert.Equal("2026-W11", next?.Id);
    }

    [Fact]
    public void NextSkills_FirstCoachingDayOfTheMonth_TwoHoursAfterTheNudge()
    {
        var profile = ScheduleProfiles.Onboarded();

        // 2026-04-01 is a Wednesday; 2026-05-01 a Friday; 2026-08-01 a Saturday, so August's is Monday the 3rd.
        var april = Schedules.NextSkills(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 15, 0, 0));
        var may = Schedules.NextSkills(profile, april!.DueAt);
        var august = Schedules.NextSkills(profile, ScheduleProfiles.Local(NewYork, 2026, 7, 15, 0, 0));

        Assert.Equal(ScheduleKinds.SkillsCheckIn, april.Kind);
        Assert.Equal("2026-04", april.Id);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 4, 1, 11, 0), april.DueAt);
        Assert.Equal("2026-05", may?.Id);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 5, 1, 11, 0), may?.DueAt);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 8, 3, 11, 0), august?.DueAt);
    }

    [Fact]
    public void NextSkills_FirstOfTheMonthIsAHoliday_IsTheNextCoachingDay()
    {
        var profile = ScheduleProfiles.Onboarded() with { Holidays = [new DateOnly(2026, 4, 1)] };

        var next = Schedules.NextSkills(profile, ScheduleProfiles.Local(NewYork, 2026, 3, 15, 0, 0));

        Assert.Equal("2026-04", next?.Id);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 4, 2, 11, 0), next?.DueAt);
    }

    [Fact]
    public void NextSkills_Stopped_IsNone()
    {
        Assert.Null(Schedules.NextSkills(ScheduleProfiles.Onboarded() with { NudgesStopped = true }, ScheduleProfiles.Local(NewYork, 2026, 3, 15, 0, 0)));
        Assert.Null(Schedules.NextReading(ScheduleProfiles.Onboarded() with { Onboarding = OnboardingStep.Role }, ScheduleProfiles.Local(NewYork, 2026, 3, 15, 0, 0)));
    }

    [Fact]
    public void Next_UnknownName_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.Next("weekly-digest", ScheduleProfiles.Onboarded(), DateTimeOffset.UnixEpoch));
    }
}
