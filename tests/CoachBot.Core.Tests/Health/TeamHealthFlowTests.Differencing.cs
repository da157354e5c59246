using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.Reflections;

namespace CoachBot.Core.Tests.Health;

/// <summary>
/// The differencing attacks on a lead's view: someone joining or leaving between two looks, sharers used to subtract
/// the rest, a lead who forgets and sets up again, sources counted only in weeks held whole, job-market practice and
/// channel members who only feed the reflection figures.
/// </summary>
public sealed partial class TeamHealthFlowTests
{
    [Fact]
    public async Task Differencing_SomeoneJoinsBetweenTwoLooks_PastWeeksDoNotChange()
    {
        var harness = await LeadAsync();
        await ReportsAsync(harness, "bob", "carol", "dave");
        await PracticeEveryWeekAsync(harness, "bob", "carol", "dave");
        var before = await SeriesAsync(harness, HealthIndicatorIds.PracticeBalance);

        // Erin joins with practice in every past week: if the past weeks were recomputed, the difference would be hers.
        await harness.Reflections.AddMemberAsync(Channel, CoachHarness.User("erin"), None);
        await PracticeEveryWeekAsync(harness, "erin");
        var after = await SeriesAsync(harness, HealthIndicatorIds.PracticeBalance);

        Assert.Equal(before.Points, after.Points);
        Assert.All(after.Points, p => Assert.Equal(3, p!.Contributors));
    }

    [Fact]
    public async Task Differencing_SomeoneLeavesBetweenTwoLooks_PastWeeksDoNotChange()
    {
        var harness = await LeadAsync();
        var pairing = await PairingAsync(harness, "bob");
        await ReportsAsync(harness, "carol", "dave", "erin");
        await PracticeEveryWeekAsync(harness, "bob", "carol", "dave", "erin");
        var before = await SeriesAsync(harness, HealthIndicatorIds.PracticeBalance);

        await harness.OneOnOnes.SavePairingAsync(pairing.End(harness.Clock.GetUtcNow())!, None);
        var after = await SeriesAsync(harness, HealthIndicatorIds.PracticeBalance);

        Assert.Equal(before.Points, after.Points);
        Assert.All(after.Points, p => Assert.Equal(4, p!.Contributors));
    }

    [Fact]
    public async Task Differencing_TwoOfThreeShare_TheThirdCannotBeWorkedOut()
    {
        var harness = await LeadAsync();
        await ReportsAsync(harness, "bob", "carol", "dave");
        await PracticeEveryWeekAsync(harness, "bob", "carol", "dave");
        await harness.OnboardAsync("bob");
        await harness.OnboardAsync("carol");
        await harness.SendAsync("share", "bob");
        await harness.SendAsync("share", "carol");

        var series = await SeriesAsync(harness, HealthIndicatorIds.PracticeBalance);
        var reply = Assert.Single(await harness.SendAsync("team health", "lead"));

        // Bob's and Carol's own numbers are there, so every team figure with Dave in it stays hidden.
        Assert.All(series.Points, Assert.Null);
        Assert.Contains("Shared by the person themselves", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, reply.Sections.Single(s => s.Title == "Shared by the person themselves").Fields.Count);
        Assert.DoesNotContain("logged over 12 weeks", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobMarket_PracticeOfJobMarketSteps_NeverReachesTheLead()
    {
        var harness = await LeadAsync();
        await ReportsAsync(harness, "bob", "carol", "dave");
        await PracticeEveryWeekAsync(harness, "bob", "carol", "dave");
        foreach (var member in Members)
        {
            var date = FirstMonday.AddDays(2);
            await harness.Progress.AddAsync(
                new PracticeEntry(CoachHarness.User(member), $"{member}-salary", date, "market_value", "market_value.salary-ranges", null, harness.Clock.GetUtcNow()), None);
        }

        var series = await SeriesAsync(harness, HealthIndicatorIds.PracticeBalance);
        await harness.OnboardAsync("bob");
        await harness.SendAsync("share", "bob");
        var report = await ReportAsync(harness);

        var marketValue = CoachHarness.Content.For("en").Actions.ToList().FindIndex(a => a.Id == "market_value");
        Assert.Equal(36, series.Total(12).Parts.Sum());
        Assert.Equal(0, series.Total(12).Parts[marketValue]);
        var bob = Assert.Single(report.Shared);
        Assert.Equal(12, bob.Practice.Sum());
        Assert.Equal(0, bob.Practice[marketValue]);
    }

    [Fact]
    public async Task Differencing_LeadForgetsAndSetsUpAgainWithoutOnePerson_NoPastWeekRevealsTheDifference()
    {
        var harness = await LeadAsync();
        await ReportsAsync(harness, "bob", "carol", "dave", "erin");
        await PracticeEveryWeekAsync(harness, "bob", "carol", "dave", "erin");
        var before = await SeriesAsync(harness, HealthIndicatorIds.PracticeBalance);

        // The lead starts over and sets up another channel today with everyone but Erin: if the past weeks were
        // recomputed for the new set, each week's difference from the first look would be Erin's practice.
        await harness.SendAsync("forget me yes", "lead");
        await harness.OnboardAsync("lead");
        var other = new TeamChannel("local", "local", "team-b");
        await harness.Reflections.SaveAsync(
            new TeamReflection(other, CoachHarness.User("lead"), DayOfWeek.Friday, new TimeOnly(16, 0), "UTC", Enabled: true) { LeadTakesPart = false, CreatedAt = harness.Clock.GetUtcNow() },
            None);
        foreach (var member in Members)
        {
            await harness.Reflections.AddMemberAsync(other, CoachHarness.User(member), None);
        }

        var after = await ReportAsync(harness);

        Assert.All(before.Points, p => Assert.Equal(4, p!.Contributors));
        Assert.Equal(3, after.Team.Members.Count);
        Assert.All(after.Series, s => Assert.All(s.Points, Assert.Null));
    }

    [Fact]
    public async Task HeldWeeks_ASetUpAndAPairingCountFromTheWeekAfterTheyStarted()
    {
        var harness = await LeadAsync();
        await ReportsAsync(harness, "bob", "carol", "dave");
        var wednesday = FirstMonday.AddDays((7 * 9) + 2).ToDateTime(new TimeOnly(9, 0));
        var reflection = (await harness.Reflections.GetAsync(Channel, None))!;
        await harness.Reflections.SaveAsync(reflection with { CreatedAt = new DateTimeOffset(wednesday, TimeSpan.Zero) }, None);
        foreach (var pairing in (await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("lead"), None)).ToList())
        {
            await harness.OneOnOnes.SavePairingAsync(pairing with { AcceptedAt = new DateTimeOffset(wednesday, TimeSpan.Zero) }, None);
        }

        await PracticeEveryWeekAsync(harness, "bob", "carol", "dave");

        var series = await SeriesAsync(harness, HealthIndicatorIds.PracticeBalance);

        Assert.All(series.Points.Take(10), Assert.Null);
        Assert.All(series.Points.Skip(10), p => Assert.Equal(3, p!.Contributors));
    }

    [Fact]
    public async Task Differencing_SharersOneAfterAnother_TheLastCannotBeWorkedOut()
    {
        var harness = await LeadAsync();
        await ReportsAsync(harness, "bob", "carol", "dave", "erin");
        await PracticeEveryWeekAsync(harness, "bob", "carol", "dave", "erin");
        foreach (var member in new[] { "bob", "carol", "dave" })
        {
            await harness.OnboardAsync(member);
        }

        // Bob shares: 3 others stand behind each week, so the team figures stay.
        await harness.SendAsync("share", "bob");
        var first = await ReportAsync(harness);

        // Bob stops and Carol shares, then Carol stops and Dave shares: were only the sharers of the moment counted,
        // the lead would have Bob's, Carol's and Dave's numbers next to each week's total, and so Erin's.
        await harness.SendAsync("share off", "bob");
        await harness.SendAsync("share", "carol");
        var second = await ReportAsync(harness);
        await harness.SendAsync("share off", "carol");
        await harness.SendAsync("share", "dave");
        var third = await ReportAsync(harness);

        Assert.All(first.Find(HealthIndicatorIds.PracticeBalance)!.Points, p => Assert.Equal(4, p!.Contributors));
        Assert.Equal("bob", Assert.Single(first.Shared).Person.UserId);
        Assert.All(second.Find(HealthIndicatorIds.PracticeBalance)!.Points, Assert.Null);
        Assert.All(third.Find(HealthIndicatorIds.PracticeBalance)!.Points, Assert.Null);
        Assert.Equal("dave", Assert.Single(third.Shared).Person.UserId);
    }

    [Fact]
    public async Task ChannelMembers_FeedOnlyTheReflectionFigures_NeverPracticeOrSharedNumbers()
    {
        var harness = await LeadAsync();
        await TeamAsync(harness, "bob", "carol", "dave");
        await PracticeEveryWeekAsync(harness, "bob", "carol", "dave");
        await harness.OnboardAsync("bob");
        await harness.SendAsync("share", "bob");

        var report = await ReportAsync(harness);

        // Anyone who ever @mentioned CoachBot in the channel is a recorded member: that makes no one a report.
        Assert.Equal(3, report.Team.Members.Count);
        Assert.All(report.Find(HealthIndicatorIds.PracticeBalance)!.Points, Assert.Null);
        Assert.Empty(report.Shared);
    }
}
