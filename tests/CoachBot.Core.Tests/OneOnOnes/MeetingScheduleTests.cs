using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.OneOnOnes;

public sealed class MeetingScheduleTests
{
    [Fact]
    public void When_TokyoManagerLosAngelesReport_EachSeesTheirOwnWallClock()
    {
        // Tuesday 10:00 in Tokyo is Monday 17:00 in Los Angeles while LA is on standard time (UTC-8).
        var pairing = Pairing("Asia/Tokyo", DayOfWeek.Tuesday, new TimeOnly(10, 0), new DateOnly(2026, 12, 1));
        var instant = MeetingSchedule.Instant(pairing, new DateOnly(2026, 12, 1));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal("Tue 2026-12-01 10:00 (Asia/Tokyo)", OneOnOneText.When(instant, "en", "Asia/Tokyo"));
        Assert.Equal("Mon 2026-11-30 17:00 (America/Los_Angeles)", OneOnOneText.When(instant, "en", "America/Los_Angeles"));
    }

    [Fact]
    public void When_AcrossLosAngelesSpringForward_TokyoTimeStaysAndLosAngelesShifts()
    {
        // The schedule is in Tokyo (no DST): LA sees 17:00 before 2027-03-14 and 18:00 after it.
        var pairing = Pairing("Asia/Tokyo", DayOfWeek.Tuesday, new TimeOnly(10, 0), new DateOnly(2027, 3, 9));
        var before = MeetingSchedule.Instant(pairing, new DateOnly(2027, 3, 9));
        var after = MeetingSchedule.Instant(pairing, new DateOnly(2027, 3, 16));

        Assert.Equal("Tue 2027-03-09 10:00 (Asia/Tokyo)", OneOnOneText.When(before, "en", "Asia/Tokyo"));
        Assert.Equal("Tue 2027-03-16 10:00 (Asia/Tokyo)", OneOnOneText.When(after, "en", "Asia/Tokyo"));
        Assert.Equal("Mon 2027-03-08 17:00 (America/Los_Angeles)", OneOnOneText.When(before, "en", "America/Los_Angeles"));
        Assert.Equal("Mon 2027-03-15 18:00 (America/Los_Angeles)", OneOnOneText.When(after, "en", "America/Los_Angeles"));
    }

    [Fact]
    public void Instant_LosAngelesManagerAcrossFallBack_KeepsLocalTimeAndMovesUtc()
    {
        var pairing = Pairing("America/Los_Angeles", DayOfWeek.Monday, new TimeOnly(15, 0), new DateOnly(2026, 10, 26));

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 22, 0, 0, TimeSpan.Zero), MeetingSchedule.Instant(pairing, new DateOnly(2026, 10, 26)));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 23, 0, 0, TimeSpan.Zero), MeetingSchedule.Instant(pairing, new DateOnly(2026, 11, 2)));
        Assert.Equal("Tue 2026-11-03 08:00 (Asia/Tokyo)", OneOnOneText.When(MeetingSchedule.Instant(pairing, new DateOnly(2026, 11, 2)), "en", "Asia/Tokyo"));
    }

    [Fact]
    public void NextMeetingUtc_Biweekly_SkipsTheOffWeek()
    {
        var pairing = Pairing("Asia/Tokyo", DayOfWeek.Tuesday, new TimeOnly(10, 0), new DateOnly(2026, 12, 1)) with { Cadence = Cadence.Biweekly };

        var next = MeetingSchedule.NextMeetingUtc(pairing, new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 15, 1, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void NextMeetingDate_Monthly_IsTheFirstSuchDayOfTheNextMonth()
    {
        var pairing = Pairing("Asia/Tokyo", DayOfWeek.Tuesday, new TimeOnly(10, 0), new DateOnly(2026, 12, 1)) with { Cadence = Cadence.Monthly };

        Assert.Equal(new DateOnly(2027, 1, 5), MeetingSchedule.NextMeetingDate(pairing, new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void NextMeetingUtc_Paused_IsNull()
    {
        var pairing = Pairing("Asia/Tokyo", DayOfWeek.Tuesday, new TimeOnly(10, 0), new DateOnly(2026, 12, 1)) with { State = PairingState.Paused };

        Assert.Null(MeetingSchedule.NextMeetingUtc(pairing, new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void FirstMeeting_SameDayLaterTime_IsToday()
    {
        var now = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero); // Tuesday 09:00 in Tokyo

        Assert.Equal(new DateOnly(2026, 11, 24), MeetingSchedule.FirstMeeting(DayOfWeek.Tuesday, new TimeOnly(15, 0), "Asia/Tokyo", now));
        Assert.Equal(new DateOnly(2026, 12, 1), MeetingSchedule.FirstMeeting(DayOfWeek.Tuesday, new TimeOnly(8, 0), "Asia/Tokyo", now));
    }

    private static Pairing Pairing(string zone, DayOfWeek day, TimeOnly time, DateOnly first) => new(
        "p", new UserRef("local", "t", "alice"), new UserRef("local", "t", "bob"), Cadence.Weekly, day, time, zone, first, PairingState.Active);
}
