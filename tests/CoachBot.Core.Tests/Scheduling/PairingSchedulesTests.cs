using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.Scheduling;

public sealed class PairingSchedulesTests
{
    private const string NewYork = "America/New_York";
    private static readonly PairingSchedules Schedules = new(new ScheduleRules());
    private static readonly UserRef Manager = new("local", "local", "mia");
    private static readonly UserRef Report = new("local", "local", "raj");

    [Fact]
    public void Next_AfterAWeekday_Prep24ThenPrep1ThenFollowUpThenNextWeek()
    {
        var pairing = Weekly();
        var profile = ScheduleProfiles.Onboarded(NewYork, "raj");

        var events = Walk(pairing, profile, ScheduleProfiles.Local(NewYork, 2026, 3, 1, 0, 0), 4);

        Assert.Equal(["prep24", "prep1", ScheduleKinds.OneOnOneFollowUp, "prep24"], events.Select(e => e.Kind));
        Assert.Equal(["p1:2026-03-03", "p1:2026-03-03", "p1:2026-03-03", "p1:2026-03-10"], events.Select(e => e.Id));
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 2, 10, 0), events[0].DueAt);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 3, 9, 0), events[1].DueAt);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 3, 11, 0), events[2].DueAt);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 9, 10, 0), events[3].DueAt);

        // Prep may go late until the meeting starts; the follow-up has a day.
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 3, 10, 0), events[0].Deadline);
        Assert.Equal(events[2].DueAt.AddHours(24), events[2].Deadline);
    }

    [Fact]
    public void Next_BothSides_SameMeetingInEachPersonsCalendar()
    {
        var pairing = Weekly();
        var after = ScheduleProfiles.Local(NewYork, 2026, 3, 1, 0, 0);

        var manager = Schedules.Next(pairing, ScheduleProfiles.Onboarded("Europe/London", "mia"), after);
        var report = Schedules.Next(pairing, ScheduleProfiles.Onboarded(NewYork, "raj"), after);

        Assert.Equal(Manager, PairingSchedules.Person(pairing, PairingSchedules.ManagerSide));
        Assert.Equal(Report, PairingSchedules.Person(pairing, PairingSchedules.ReportSide));
        Assert.Equal(report, manager);
    }

    [Fact]
    public void Next_PrepInsideQuietHours_DefersToTheQuietEndBeforeTheMeeting()
    {
        var pairing = Weekly() with { Time = new TimeOnly(8, 0) };
        var profile = ScheduleProfiles.Onboarded(NewYork, "raj") with { QuietHoursStart = new TimeOnly(22, 0), QuietHoursEnd = new TimeOnly(7, 30) };

        var events = Walk(pairing, profile, ScheduleProfiles.Local(NewYork, 2026, 3, 2, 9, 0), 2);

        Assert.Equal(["prep1", ScheduleKinds.OneOnOneFollowUp], events.Select(e => e.Kind));
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 3, 7, 30), events[0].DueAt);
    }

    [Fact]
    public void Next_PrepQuietUntilAfterTheMeeting_IsDropped()
    {
        var pairing = Weekly() with { Time = new TimeOnly(8, 0) };
        var profile = ScheduleProfiles.Onboarded(NewYork, "raj") with { QuietHoursStart = new TimeOnly(22, 0), QuietHoursEnd = new TimeOnly(8, 30) };

        var events = Walk(pairing, profile, ScheduleProfiles.Local(NewYork, 2026, 3, 2, 9, 0), 1);

        Assert.Equal(ScheduleKinds.OneOnOneFollowUp, events[0].Kind);
    }

    [Fact]
    public void Next_MeetingOnTheirHoliday_SkipsToTheNextMeeting()
    {
        var profile = ScheduleProfiles.Onboarded(NewYork, "raj") with { Pauses = [new DateRange(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3))] };

        var next = Schedules.Next(Weekly(), profile, ScheduleProfiles.Local(NewYork, 2026, 3, 1, 0, 0));

        Assert.Equal("p1:2026-03-10", next?.Id);
    }

    [Theory]
    [InlineData(PairingState.Paused)]
    [InlineData(PairingState.Proposed)]
    [InlineData(PairingState.Ended)]
    public void Next_PairingNotActive_IsNone(PairingState state)
    {
        Assert.Null(Schedules.Next(Weekly() with { State = state }, ScheduleProfiles.Onboarded(NewYork, "raj"), ScheduleProfiles.Local(NewYork, 2026, 3, 1, 0, 0)));
    }

    [Fact]
    public void Next_PersonStopped_IsNone()
    {
        var after = ScheduleProfiles.Local(NewYork, 2026, 3, 1, 0, 0);

        Assert.Null(Schedules.Next(Weekly(), ScheduleProfiles.Onboarded(NewYork, "raj") with { NudgesStopped = true }, after));
    }

    [Fact]
    public void Next_PersonWithoutProfile_GetsEveryPromptInThePairingsZone()
    {
        var events = Walk(Weekly(), null, ScheduleProfiles.Local(NewYork, 2026, 3, 1, 0, 0), 3);

        Assert.Equal(["prep24", "prep1", ScheduleKinds.OneOnOneFollowUp], events.Select(e => e.Kind));
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 2, 10, 0), events[0].DueAt);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 3, 9, 0), events[1].DueAt);
        Assert.Equal(ScheduleProfiles.Local(NewYork, 2026, 3, 3, 11, 0), events[2].DueAt);
    }

    private static Pairing Weekly() =>
        new("p1", Manager, Report, Cadence.Weekly, DayOfWeek.Tuesday, new TimeOnly(10, 0), NewYork, new DateOnly(2026, 3, 3), PairingState.Active);

    private static List<Occurrence> Walk(Pairing pairing, UserProfile? profile, DateTimeOffset after, int count)
    {
        var events = new List<Occurrence>();
        for (var next = Schedules.Next(pairing, profile, after); next is not null && events.Count < count; next = Schedules.Next(pairing, profile, next.DueAt))
        {
            events.Add(next);
        }

        return events;
    }
}
