using CoachBot.Core.Reflections;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.Scheduling;

public sealed class ReflectionSchedulesTests
{
    private static readonly ReflectionSchedules Schedules = new(new ScheduleRules());

    [Fact]
    public void Next_Week_OpensThenRemindsADayBeforeCloseThenClosesAfterThreeDays()
    {
        var reflection = Friday();
        var events = new List<Occurrence>();
        for (var next = Schedules.Next(reflection, new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero)); next is not null && events.Count < 4; next = Schedules.Next(reflection, next.DueAt))
        {
            events.Add(next);
        }

        Assert.Equal([ScheduleKinds.ReflectionOpen, ScheduleKinds.ReflectionReminder, ScheduleKinds.ReflectionClose, ScheduleKinds.ReflectionOpen], events.Select(e => e.Kind));
        Assert.Equal(["2026-W10", "2026-W10", "2026-W10", "2026-W11"], events.Select(e => e.Id));
        var open = new DateTimeOffset(2026, 3, 6, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(open, events[0].DueAt);
        Assert.Equal(open.AddDays(2), events[1].DueAt);
        Assert.Equal(open.AddDays(3), events[2].DueAt);
        Assert.Equal(open.AddDays(7), events[3].DueAt);
        Assert.Equal(open.AddHours(2), events[0].Deadline);
        Assert.Equal(open.AddDays(10), events[2].Deadline);
    }

    [Fact]
    public void Next_MondayBeforeTheClose_IsLastWeeksClose()
    {
        var next = Schedules.Next(Friday(), new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(ScheduleKinds.ReflectionClose, next?.Kind);
        Assert.Equal("2026-W09", next?.Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero), next?.DueAt);
    }

    [Fact]
    public void Next_InsideAnOpenRound_StillYieldsItsReminderAndClose()
    {
        var next = Schedules.Next(Friday(), new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(ScheduleKinds.ReflectionReminder, next?.Kind);
        Assert.Equal("2026-W10", next?.Id);
    }

    [Fact]
    public void Next_AcrossTheClocksChange_OpensAtTheLocalTime()
    {
        // London goes to BST on Sunday 2026-03-29: Friday 3 April's 15:00 is 14:00 UTC.
        var next = Schedules.Next(Friday(), new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(ScheduleKinds.ReflectionOpen, next?.Kind);
        Assert.Equal(new DateTimeOffset(2026, 4, 3, 14, 0, 0, TimeSpan.Zero), next?.DueAt);
    }

    [Fact]
    public void Next_DisabledBetweenRounds_IsNone()
    {
        Assert.Null(Schedules.Next(Friday() with { Enabled = false }, new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Next_DisabledWhileARoundIsOpen_OnlyThatRoundsClose()
    {
        var off = Friday() with { Enabled = false };

        var close = Schedules.Next(off, new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(ScheduleKinds.ReflectionClose, close?.Kind);
        Assert.Equal("2026-W10", close?.Id);
        Assert.Null(Schedules.Next(off, close!.DueAt));
    }

    private static TeamReflection Friday() =>
        new(new TeamChannel("local", "local", "team-a"), new UserRef("local", "local", "lead"), DayOfWeek.Friday, new TimeOnly(15, 0), "Europe/London", true);
}
