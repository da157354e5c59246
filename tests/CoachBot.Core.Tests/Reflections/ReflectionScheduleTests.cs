using CoachBot.Core.Reflections;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.Reflections;

public sealed class ReflectionScheduleTests
{
    private static readonly UserRef Lead = new("local", "local", "lead");

    [Fact]
    public void NextOpenUtc_BeforeAndAfterAutumnChange_KeepsLocalTime()
    {
        var reflection = Setup(DayOfWeek.Friday, new TimeOnly(16, 0), "America/Los_Angeles");

        // Friday 2026-10-30 is still PDT (UTC-7); DST ends on Sunday 2026-11-01, so the next Friday is PST (UTC-8).
        var first = ReflectionSchedule.NextOpenUtc(reflection, new DateTimeOffset(2026, 10, 29, 12, 0, 0, TimeSpan.Zero));
        var second = ReflectionSchedule.NextOpenUtc(reflection, first);

        Assert.Equal(new DateTimeOffset(2026, 10, 30, 23, 0, 0, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2026, 11, 7, 0, 0, 0, TimeSpan.Zero), second);
    }

    [Fact]
    public void NextOpenUtc_TimeSkippedBySpringChange_OpensJustAfterTheGap()
    {
        // 2026-03-08 02:30 does not exist in Los Angeles: clocks jump from 02:00 PST to 03:00 PDT. One rule for every
        // schedule (ADR 0014, LocalInstants): it opens at the first minute after the gap, 03:00 PDT.
        var reflection = Setup(DayOfWeek.Sunday, new TimeOnly(2, 30), "America/Los_Angeles");

        var next = ReflectionSchedule.NextOpenUtc(reflection, new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 10, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void NextOpenUtc_RepeatedAutumnHour_OpensAtTheFirstOccurrence()
    {
        var reflection = Setup(DayOfWeek.Sunday, new TimeOnly(1, 30), "America/Los_Angeles");

        var next = ReflectionSchedule.NextOpenUtc(reflection, new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void NextOpenUtc_ExactlyAtOpening_ReturnsTheNextWeek()
    {
        var reflection = Setup(DayOfWeek.Friday, new TimeOnly(16, 0), "Asia/Tokyo");
        var opening = new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal(opening, ReflectionSchedule.NextOpenUtc(reflection, opening.AddTicks(-1)));
        Assert.Equal(opening.AddDays(7), ReflectionSchedule.NextOpenUtc(reflection, opening));
    }

    [Fact]
    public void WeekOf_LocalDateDecides_NotUtc()
    {
        // Sunday 23:30 UTC is already Monday in Tokyo, the next ISO week.
        var instant = new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal("2026-W48", ReflectionSchedule.WeekOf(instant, "UTC"));
        Assert.Equal("2026-W49", ReflectionSchedule.WeekOf(instant, "Asia/Tokyo"));
    }

    [Fact]
    public void PromptsFor_ConsecutiveWeeks_RotateThroughTheBank()
    {
        var bank = CoachHarness.Content.For("en").ReflectionPrompts.Select(p => p.Id).ToList();
        var start = new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);

        var weeks = Enumerable.Range(0, 4).Select(w => ReflectionSchedule.PromptsFor(start.AddDays(7 * w), "UTC", bank)).ToList();

        Assert.All(weeks, w => Assert.Equal(3, w.Distinct().Count()));
        Assert.Equal(12, weeks.SelectMany(w => w).Distinct().Count());
    }

    private static TeamReflection Setup(DayOfWeek day, TimeOnly time, string zone) =>
        new(new TeamChannel("local", "local", "team-a"), Lead, day, time, zone, Enabled: true);
}
