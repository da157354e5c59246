using CoachBot.Content.Model;
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

    [Theory]
    [InlineData("team-a", "UTC")]
    [InlineData("team-b", "Asia/Tokyo")]
    [InlineData("platform", "America/Los_Angeles")]
    public void PromptsFor_TwelveWeeklyRounds_AskTheCoreEveryWeekAndNoRotatingPromptTwiceWithinEightWeeks(string channel, string zone)
    {
        var bank = CoachHarness.Content.For("en").ReflectionPrompts;
        var team = new TeamChannel("slack", "T1", channel);
        var start = new DateTimeOffset(2026, 10, 23, 7, 0, 0, TimeSpan.Zero); // across the autumn DST changes

        var weeks = Enumerable.Range(0, 12).Select(w => ReflectionSchedule.PromptsFor(team, start.AddDays(7 * w), zone, bank)).ToList();

        Assert.All(weeks, w => Assert.Equal(["learned", "blocked"], w.Take(2)));
        Assert.All(weeks, w => Assert.Equal(ReflectionSchedule.PromptsPerRound, w.Distinct().Count()));
        var rotating = weeks.Select(w => w[2]).ToList();
        for (var i = 0; i + 8 <= rotating.Count; i++)
        {
            var window = rotating.Skip(i).Take(8).ToList();
            Assert.True(window.Distinct().Count() == 8, $"weeks {i + 1}-{i + 8} repeat a prompt: {string.Join(", ", window)}");
        }
    }

    [Fact]
    public void PromptsFor_SameTeamAndWeek_SameAnswerWhateverTheInstantInTheWeek()
    {
        var bank = CoachHarness.Content.For("en").ReflectionPrompts;
        var team = new TeamChannel("msteams", "tenant", "19:abc@thread.tacv2");
        var monday = new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero);

        var early = ReflectionSchedule.PromptsFor(team, monday, "UTC", bank);
        var late = ReflectionSchedule.PromptsFor(team, monday.AddDays(6).AddHours(23), "UTC", bank);
        var copy = ReflectionSchedule.PromptsFor(new TeamChannel("msteams", "tenant", "19:abc@thread.tacv2"), monday, "UTC", [.. bank]);

        Assert.Equal(early, late);
        Assert.Equal(early, copy);
    }

    [Fact]
    public void PromptsFor_ManyTeamsInOneWeek_DoNotAllGetTheSameRotatingPrompt()
    {
        var bank = CoachHarness.Content.For("en").ReflectionPrompts;
        var week = new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);

        var third = Enumerable.Range(0, 20).Select(i => ReflectionSchedule.PromptsFor(new TeamChannel("slack", "T1", $"team-{i}"), week, "UTC", bank)[2]);

        Assert.True(third.Distinct().Count() > 1);
    }

    [Fact]
    public void PromptsFor_RetiredPrompts_AreNeverAsked()
    {
        ReflectionPrompt[] bank =
        [
            new("learned", "L", Core: true), new("blocked", "B", Core: true),
            new("old", "O", Retired: true), new("r1", "1"), new("r2", "2"), new("r3", "3"),
        ];
        var team = new TeamChannel("local", "local", "team-a");
        var start = new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);

        var thirds = Enumerable.Range(0, 9).Select(w => ReflectionSchedule.PromptsFor(team, start.AddDays(7 * w), "UTC", bank)[2]).ToList();

        Assert.DoesNotContain("old", thirds);
        Assert.Equal(["r1", "r2", "r3"], thirds.Distinct().Order(StringComparer.Ordinal));
    }

    private static TeamReflection Setup(DayOfWeek day, TimeOnly time, string zone) =>
        new(new TeamChannel("local", "local", "team-a"), Lead, day, time, zone, Enabled: true);
}
