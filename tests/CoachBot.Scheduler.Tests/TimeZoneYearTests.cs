using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Reflections;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Time;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Tests.Dispatch;

namespace CoachBot.Scheduler.Tests;

/// <summary>
/// The acceptance test of the scheduler: a whole year (both clock changes where the zone has them) of the real
/// dispatcher on a fake clock, for five zones. Expected instants are computed here from the zone rules directly,
/// not with the scheduler's own rules.
/// </summary>
[Trait("Category", "Slow")]
public sealed class TimeZoneYearTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2025, 12, 31, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly[] Holidays = [new(2026, 1, 1), new(2026, 6, 1), new(2026, 12, 25)];
    private static readonly DateRange Vacation = new(new DateOnly(2026, 8, 10), new DateOnly(2026, 8, 21));

    public static TheoryData<string> Zones => ["America/New_York", "Europe/London", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata"];

    [Theory]
    [MemberData(nameof(Zones))]
    public async Task Year_EveryScheduleInTheZone_ArrivesOnceAtItsLocalTime(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        using var harness = new DispatchHarness(Start);
        var worker = await harness.AddUserAsync(DispatchHarness.Onboarded("worker", zoneId) with
        {
            Holidays = Holidays,
            Pauses = [Vacation],
            QuietHoursStart = new TimeOnly(21, 0),
            QuietHoursEnd = new TimeOnly(7, 0),
        });
        var owl = await harness.AddUserAsync(DispatchHarness.Onboarded("owl", zoneId) with
        {
            NudgeTime = new TimeOnly(7, 0),
            QuietHoursStart = new TimeOnly(22, 0),
            QuietHoursEnd = new TimeOnly(8, 0),
        });
        var everyDay = (DayOfWeek[])[.. Enum.GetValues<DayOfWeek>()];
        var early = await harness.AddUserAsync(DispatchHarness.Onboarded("early", zoneId) with { NudgeTime = new TimeOnly(2, 30), WorkingDays = everyDay });
        var late = await harness.AddUserAsync(DispatchHarness.Onboarded("late", zoneId) with { NudgeTime = new TimeOnly(1, 30), WorkingDays = everyDay });
        var manager = await harness.AddUserAsync(DispatchHarness.Onboarded("manager", zoneId));
        var report = await harness.AddUserAsync(DispatchHarness.Onboarded("report", zoneId));
        var pairing = await harness.OneOnOnes.SavePairingAsync(
            new Pairing("p-1", manager.User, report.User, Cadence.Weekly, DayOfWeek.Tuesday, new TimeOnly(10, 0), zoneId, new DateOnly(2026, 1, 6), PairingState.Active),
            None);
        var channel = new TeamChannel("local", "local", "team-a");
        await harness.Reflections.AddMemberAsync(channel, manager.User, None);
        await harness.Reflections.AddMemberAsync(channel, report.User, None);
        await harness.Reflections.SaveAsync(new TeamReflection(channel, manager.User, DayOfWeek.Friday, new TimeOnly(15, 0), zoneId, true), None);

        await harness.RunUntilAsync(End);

        var sent = harness.Ledger.New;

        // Every record that let a send through has the message itself at the same instant, and nothing was sent
        // twice under one key.
        Assert.All(sent.Where(e => e.User is not null), e => Assert.Contains(harness.Sender.Messages, m => m.At == e.At && m.User == e.User));
        Assert.Equal(sent.Count, sent.Select(e => (e.User, e.Key)).Distinct().Count());
        Assert.DoesNotContain(harness.Logs.Records, r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);

        // Habit nudges at 09:00 local on each working day that is not a holiday or paused; never otherwise.
        var workDays = Dates().Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var workerDays = workDays.Where(d => !Holidays.Contains(d) && !Vacation.Contains(d)).ToList();
        AssertDaily(sent, worker.User, zone, workerDays, new TimeOnly(9, 0));
        AssertDaily(sent, manager.User, zone, workDays, new TimeOnly(9, 0));

        // 07:00 is inside the owl's quiet hours: the nudge waits for their end, 08:00.
        AssertDaily(sent, owl.User, zone, workDays, new TimeOnly(8, 0));

        // No message ever reaches someone inside their quiet hours.
        Assert.DoesNotContain(harness.Sender.Messages, m => m.User == worker.User && LocalTime(m.At, zone) is var t && (t >= new TimeOnly(21, 0) || t < new TimeOnly(7, 0)));
        Assert.DoesNotContain(harness.Sender.Messages, m => m.User == owl.User && LocalTime(m.At, zone) is var t && (t >= new TimeOnly(22, 0) || t < new TimeOnly(8, 0)));

        // Nudge times inside the skipped hour fire once after the gap; inside the repeated hour, once at the first.
        AssertDailyAcrossDst(sent, early.User, zone, new TimeOnly(2, 30));
        AssertDailyAcrossDst(sent, late.User, zone, new TimeOnly(1, 30));
        if (zoneId == "America/New_York")
        {
            Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), Single(sent, early.User, ScheduleKinds.HabitNudge, "2026-03-08").At);
            Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), Single(sent, late.User, ScheduleKinds.HabitNudge, "2026-11-01").At);
        }

        // Weekly reading an hour after the nudge on the week's first coaching day; skills two hours after on the month's.
        AssertOccurrences(sent, worker.User, ScheduleKinds.Reading, zone, workerDays.GroupBy(UserSchedules.WeekId).Select(g => (g.Key, g.Min())), new TimeOnly(10, 0));
        AssertOccurrences(sent, worker.User, ScheduleKinds.SkillsCheckIn, zone, workerDays.GroupBy(d => d.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Select(g => (g.Key, g.Min())), new TimeOnly(11, 0));
        Assert.Equal("2026-01-02", DateId(Single(sent, worker.User, ScheduleKinds.SkillsCheckIn, "2026-01").At, zone));

        // Monday 1 June is a holiday: that week's reading comes on Tuesday; Thursday 1 January too, so January's skills on Friday.
        Assert.Equal("2026-06-02", DateId(Single(sent, worker.User, ScheduleKinds.Reading, "2026-W23").At, zone));

        // 1-on-1: both people get the prep 24 h and 1 h before each Tuesday 10:00 meeting, and the follow-up an hour after.
        var meetings = Dates().Where(d => d.DayOfWeek == DayOfWeek.Tuesday).Select(d => (Date: d, Start: Instant(zone, d, new TimeOnly(10, 0)))).ToList();
        foreach (var person in new[] { manager.User, report.User })
        {
            foreach (var kind in new[] { "prep24", "prep1", ScheduleKinds.OneOnOneFollowUp })
            {
                var expected = meetings.Select(m => (pairing.Id + ":" + UserSchedules.DateId(m.Date), kind switch
                {
                    "prep24" => m.Start.AddHours(-24),
                    "prep1" => m.Start.AddHours(-1),
                    _ => m.Start.AddHours(1),
                })).Where(x => x.Item2 > Start && x.Item2 <= End).ToList();
                var actual = sent.Where(e => e.User == person && e.Kind == kind).Select(e => ($"{pairing.Id}:{e.Occurrence}", e.At)).ToList();
                Assert.Equal(expected, actual);
            }
        }

        // Weekly reflection: the round opens Friday 15:00 local for every member, the reminder goes out a day before
        // it closes, the summary goes to the lead when it closes three days after opening.
        var opens = Dates().Where(d => d.DayOfWeek == DayOfWeek.Friday).Select(d => Instant(zone, d, new TimeOnly(15, 0))).Where(o => o > Start).ToList();
        foreach (var member in new[] { manager.User, report.User })
        {
            Assert.Equal(opens.Where(o => o <= End), sent.Where(e => e.User == member && e.Kind == ScheduleKinds.ReflectionOpen).Select(e => e.At));
            Assert.Equal(opens.Select(o => o.AddDays(2)).Where(o => o <= End), sent.Where(e => e.User == member && e.Kind == ScheduleKinds.ReflectionReminder).Select(e => e.At));
        }

        Assert.Equal(opens.Select(o => o.AddDays(3)).Where(o => o <= End), sent.Where(e => e.User is null && e.Kind == ScheduleKinds.ReflectionClose).Select(e => e.At));
        Assert.True(harness.Runs < 20_000, $"{harness.Runs} dispatcher runs");
    }

    private static void AssertDaily(IReadOnlyList<LedgerEntry> sent, UserRef user, TimeZoneInfo zone, IReadOnlyList<DateOnly> days, TimeOnly time)
    {
        var expected = days.Select(d => (UserSchedules.DateId(d), Instant(zone, d, time))).Where(x => x.Item2 > Start && x.Item2 <= End).ToList();
        var actual = sent.Where(e => e.User == user && e.Kind == ScheduleKinds.HabitNudge).Select(e => (e.Occurrence, e.At)).ToList();
        Assert.Equal(expected, actual);
    }

    /// <summary>One nudge per local date; at the wall time where it exists once, after the gap where it does not,
    /// and in daylight time (the first pass) where it exists twice.</summary>
    private static void AssertDailyAcrossDst(IReadOnlyList<LedgerEntry> sent, UserRef user, TimeZoneInfo zone, TimeOnly time)
    {
        var nudges = sent.Where(e => e.User == user && e.Kind == ScheduleKinds.HabitNudge).ToList();
        Assert.Equal(nudges.Select(e => e.Occurrence).Distinct(), nudges.Select(e => e.Occurrence));
        var days = Dates().Where(d => d > new DateOnly(2026, 1, 1) && d < new DateOnly(2026, 12, 31)).ToList();
        Assert.Equal(days.Select(UserSchedules.DateId), nudges.Select(e => e.Occurrence).Where(id => days.Select(UserSchedules.DateId).Contains(id)));
        foreach (var nudge in nudges)
        {
            var wall = DateOnly.Parse(nudge.Occurrence, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(time);
            Assert.Equal(nudge.Occurrence, DateId(nudge.At, zone));
            if (zone.IsInvalidTime(wall))
            {
                // Just after the gap: a minute earlier is still inside it... or is the gap's start.
                var local = LocalTime(nudge.At, zone);
                Assert.True(local > time, $"{nudge.Occurrence}: {local} should be after the gap");
                Assert.True(zone.IsInvalidTime(wall.Date + local.ToTimeSpan() - TimeSpan.FromMinutes(1)), $"{nudge.Occurrence}: {local} is not the first minute after the gap");
            }
            else
            {
                Assert.Equal(time, LocalTime(nudge.At, zone));
                if (zone.IsAmbiguousTime(wall))
                {
                    Assert.True(zone.IsDaylightSavingTime(nudge.At), $"{nudge.Occurrence}: the repeated hour fires at its first pass");
                }
            }
        }
    }

    private static void AssertOccurrences(
        IReadOnlyList<LedgerEntry> sent, UserRef user, string kind, TimeZoneInfo zone, IEnumerable<(string Id, DateOnly Date)> expected, TimeOnly time)
    {
        var wanted = expected.Select(x => (x.Id, Instant(zone, x.Date, time))).Where(x => x.Item2 > Start && x.Item2 <= End).ToList();
        var actual = sent.Where(e => e.User == user && e.Kind == kind).Select(e => (e.Occurrence, e.At)).ToList();
        Assert.Equal(wanted, actual);
    }

    private static LedgerEntry Single(IReadOnlyList<LedgerEntry> sent, UserRef user, string kind, string occurrence) =>
        Assert.Single(sent, e => e.User == user && e.Kind == kind && e.Occurrence == occurrence);

    /// <summary>Local dates around the year, from the last full week of 2025 (filtered by instant against the run's window).</summary>
    private static IEnumerable<DateOnly> Dates()
    {
        for (var d = new DateOnly(2025, 12, 22); d <= new DateOnly(2027, 1, 1); d = d.AddDays(1))
        {
            yield return d;
        }
    }

    /// <summary>A wall time that exists exactly once in the zone, as an instant.</summary>
    private static DateTimeOffset Instant(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        Assert.False(zone.IsInvalidTime(local) || zone.IsAmbiguousTime(local));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeOnly LocalTime(DateTimeOffset at, TimeZoneInfo zone) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static string DateId(DateTimeOffset at, TimeZoneInfo zone) => UserSchedules.DateId(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime));
}
