using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Reflections;

namespace CoachBot.Core.Tests.Health;

/// <summary>
/// <c>team health</c> and <c>share</c> end to end on the local channel's core, and the attacks on a lead's view:
/// a 2-person team, 3 people without individual figures, differencing when someone joins or leaves, sharers used to
/// subtract the rest, weeks with small counts, and themes quoting text.
/// </summary>
public sealed partial class TeamHealthFlowTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TeamChannel Channel = new("local", "local", "team-a");

    // The harness clock is Tuesday 2026-11-24; the completed weeks shown run from Monday 2026-08-31 to Sunday 2026-11-22.
    private static readonly DateOnly FirstMonday = new(2026, 8, 31);

    private static readonly string[] Members = ["bob", "carol", "dave"];

    // Set-ups and pairings of the tests start before the weeks shown, so every week shown was held for the whole week.
    private static readonly DateTimeOffset SetUpLongAgo = new(2026, 8, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TeamHealth_NoTeam_SaysHowATeamIsMade()
    {
        var harness = await LeadAsync();

        var reply = Assert.Single(await harness.SendAsync("team health", "lead"));

        Assert.Contains("You don't lead a team in CoachBot yet", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamHealth_TwoPersonTeam_ShowsNoAggregateAndSaysWhy()
    {
        var harness = await LeadAsync();
        await TeamAsync(harness, "bob", "carol");
        await PracticeEveryWeekAsync(harness, "bob", "carol");

        var reply = Assert.Single(await harness.SendAsync("team health", "lead"));

        Assert.Contains("Your team: 2 people", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Team figures start at 3 people, and your team has 2", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("logged over 12 weeks", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Sections, s => s.Image is not null);
        Assert.Equal(0, harness.TeamHealth.Count(CoachHarness.User("lead")));
    }

    [Fact]
    public async Task TeamHealth_ThreePersonTeam_ShowsAggregatesAndNoIndividualFigure()
    {
        var harness = await LeadAsync();
        await ReportsAsync(harness, "bob", "carol", "dave");
        await PracticeEveryWeekAsync(harness, "bob", "carol", "dave");

        var reply = Assert.Single(await harness.SendAsync("team health", "lead"));

        Assert.Contains("Your team: 3 people", reply.Text, StringComparison.Ordinal);
        Assert.Contains("36 practices logged over 12 weeks", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Outside what CoachBot sees", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Attrition rate", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Shared by the person themselves", reply.Text, StringComparison.Ordinal);
        foreach (var member in new[] { "bob", "carol", "dave" })
        {
            Assert.DoesNotContain(member, reply.Text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(reply.Sections, s => s.Image?.Url.Contains("practice-balance", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task TeamHealth_Japanese_SpeaksJapanese()
    {
        var harness = await LeadAsync();
        await harness.SendAsync("settings language ja", "lead");
        await TeamAsync(harness, "bob", "carol");

        var reply = Assert.Single(await harness.SendAsync("team health", "lead"));

        Assert.Contains("チームの集計は3人以上から表示します", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmallCells_AWeekWithTwoPeoplePractising_IsLeftOut()
    {
        var harness = await LeadAsync();
        await ReportsAsync(harness, "bob", "carol", "dave");
        await PracticeEveryWeekAsync(harness, "bob", "carol");
        await PracticeAsync(harness, "dave", FirstMonday.AddDays(7 * 11), "recruiting");

        var series = await SeriesAsync(harness, HealthIndicatorIds.PracticeBalance);
        var reply = Assert.Single(await harness.SendAsync("team health", "lead"));

        Assert.Equal(11, series.HiddenWeeks);
        var last = Assert.IsType<HealthCell>(series.Points[^1]);
        Assert.Equal(3, last.Contributors);
        Assert.Contains("11 of 12 weeks are left out", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Themes_NeverQuoteTheAnswers()
    {
        var harness = await LeadAsync();
        await TeamAsync(harness, "bob", "carol", "dave");
        var week = TeamHealthService.WeekId(FirstMonday.AddDays(7 * 10));
        var opens = new DateTimeOffset(FirstMonday.AddDays(7 * 10 + 4).ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero);
        await harness.Reflections.TryAddRoundAsync(new ReflectionRound(Channel, week, opens, opens.AddDays(3), ["learned"], 3), None);
        var texts = new[] { "Ran an interview with a secret candidate", "Two interviews, one went badly", "A tough interview about salary" };
        foreach (var (member, text) in Members.Zip(texts))
        {
            await harness.Reflections.SaveOwnAnswerAsync(CoachHarness.User(member), new ReflectionAnswer(Channel, week, [new AnswerPart("learned", text, true)], opens), None);
        }

        var reply = Assert.Single(await harness.SendAsync("team health", "lead"));

        var recruiting = CoachHarness.Content.For("en").FindAction("recruiting")!.Title;
        Assert.Contains($"{recruiting} 3", reply.Text, StringComparison.Ordinal);
        Assert.Contains("3 answers of 3 invitations (100%)", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("interview", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("salary", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cadence_HeldOfPlanned_ForThreeReports()
    {
        var harness = await LeadAsync();
        foreach (var report in new[] { "bob", "carol", "dave" })
        {
            var pairing = await PairingAsync(harness, report);
            foreach (var date in MeetingSchedule.Dates(pairing).Where(d => d < new DateOnly(2026, 11, 23)).Take(12).Where((_, i) => i % 2 == 0))
            {
                await harness.OneOnOnes.MarkHeldAsync(pairing.Id, date, None);
            }
        }

        var series = await SeriesAsync(harness, HealthIndicatorIds.OneOnOneCadence);

        Assert.All(series.Points, p => Assert.Equal(3, p!.Contributors));
        Assert.Equal(50, series.Total(12).Percent);
    }

    [Fact]
    public async Task Share_OnAndOff_ChangesWhatTheLeadSees()
    {
        var harness = await LeadAsync();
        await ReportsAsync(harness, "bob", "carol");
        await harness.OnboardAsync("bob");
        await PracticeEveryWeekAsync(harness, "bob");

        var on = Assert.Single(await harness.SendAsync("share", "bob"));
        var shown = Assert.Single(await harness.SendAsync("team health", "lead"));
        var off = Assert.Single(await harness.SendAsync("share off", "bob"));
        var hidden = Assert.Single(await harness.SendAsync("team health", "lead"));

        Assert.Contains("now see your own numbers", on.Text, StringComparison.Ordinal);
        Assert.Contains("no longer see your own numbers", off.Text, StringComparison.Ordinal);
        Assert.False((await harness.ProfileAsync("bob")).ShareWithLeads);
        var field = Assert.Single(shown.Sections.Single(s => s.Title == "Shared by the person themselves").Fields);
        Assert.Contains("practice over 12 weeks", field.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("Shared by the person themselves", hidden.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_Lead_ShowsTheTeamSectionWithFiguresOfThreeOrMore()
    {
        var harness = await LeadAsync();
        await TeamAsync(harness, "bob", "carol", "dave");
        foreach (var report in Members)
        {
            var pairing = await PairingAsync(harness, report);
            foreach (var date in MeetingSchedule.Dates(pairing).Where(d => d < new DateOnly(2026, 11, 23)))
            {
                await harness.OneOnOnes.MarkHeldAsync(pairing.Id, date, None);
            }
        }

        var home = Assert.Single(await harness.SendAsync("home", "lead"));
        var member = Assert.Single(await harness.SendAsync("home", "bob"));

        var section = Assert.Single(home.Sections, s => s.Title == "Your team's health");
        Assert.Contains("3 people on your team", section.Body, StringComparison.Ordinal);
        Assert.Contains("1-on-1 consistency: 100% over the last 4 weeks", section.Body, StringComparison.Ordinal);
        Assert.Contains(home.Buttons, b => b.Values.GetValueOrDefault("text") == "team health");
        Assert.DoesNotContain(member.Sections, s => s.Title == "Your team's health");
    }

    [Fact]
    public async Task Home_LeadOfTwo_SaysFiguresStartAtThree()
    {
        var harness = await LeadAsync();
        await TeamAsync(harness, "bob", "carol");

        var home = Assert.Single(await harness.SendAsync("home", "lead"));

        var section = Assert.Single(home.Sections, s => s.Title == "Your team's health");
        Assert.Contains("Team figures start at 3 people; your team has 2.", section.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_IsInTheExport()
    {
        var harness = await LeadAsync();
        await harness.SendAsync("share", "lead");
        var profile = await harness.ProfileAsync("lead");

        var json = System.Text.Encoding.UTF8.GetString(Privacy.UserDataService.ToJson(new Privacy.UserData(profile.User, profile, [], [], [], null), harness.Clock.GetUtcNow()));

        Assert.Contains("\"shareWithLeads\": true", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_UnknownArgument_SaysWhatToType()
    {
        var harness = await LeadAsync();

        var reply = Assert.Single(await harness.SendAsync("share maybe", "lead"));

        Assert.Contains("share off to stop", reply.Text, StringComparison.Ordinal);
        Assert.False((await harness.ProfileAsync("lead")).ShareWithLeads);
    }

    [Fact]
    public async Task ForgetMe_DeletesTheLeadsFrozenWeeks()
    {
        var harness = await LeadAsync();
        await TeamAsync(harness, "bob", "carol", "dave");
        await SeriesAsync(harness, HealthIndicatorIds.PracticeBalance);
        Assert.Equal(TeamHealthService.Weeks, harness.TeamHealth.Count(CoachHarness.User("lead")));

        await harness.SendAsync("forget me yes", "lead");

        Assert.Equal(0, harness.TeamHealth.Count(CoachHarness.User("lead")));
    }

    private static async Task<CoachHarness> LeadAsync()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync("lead");
        return harness;
    }

    private static async Task TeamAsync(CoachHarness harness, params string[] members)
    {
        if (await harness.Reflections.GetAsync(Channel, None) is null)
        {
            await harness.Reflections.SaveAsync(new TeamReflection(Channel, CoachHarness.User("lead"), DayOfWeek.Friday, new TimeOnly(16, 0), "UTC", Enabled: true) { LeadTakesPart = false, CreatedAt = SetUpLongAgo }, None);
        }

        foreach (var member in members)
        {
            await harness.Reflections.AddMemberAsync(Channel, CoachHarness.User(member), None);
        }
    }

    private static async Task ReportsAsync(CoachHarness harness, params string[] reports)
    {
        await TeamAsync(harness, reports);
        foreach (var report in reports)
        {
            await PairingAsync(harness, report);
        }
    }

    private static async Task<Pairing> PairingAsync(CoachHarness harness, string report)
    {
        var now = harness.Clock.GetUtcNow();
        return await harness.OneOnOnes.SavePairingAsync(
            new Pairing("p-" + report, CoachHarness.User("lead"), CoachHarness.User(report), Cadence.Weekly, DayOfWeek.Wednesday, new TimeOnly(10, 0), "UTC", FirstMonday.AddDays(2), PairingState.Active)
            {
                CreatedAt = SetUpLongAgo,
                AcceptedAt = SetUpLongAgo,
                UpdatedAt = now,
            },
            None);
    }

    private static async Task PracticeEveryWeekAsync(CoachHarness harness, params string[] members)
    {
        foreach (var member in members)
        {
            for (var week = 0; week < TeamHealthService.Weeks; week++)
            {
                await PracticeAsync(harness, member, FirstMonday.AddDays((7 * week) + 1), week % 2 == 0 ? "management" : "business");
            }
        }
    }

    private static Task<bool> PracticeAsync(CoachHarness harness, string member, DateOnly date, string action) =>
        harness.Progress.AddAsync(new PracticeEntry(CoachHarness.User(member), $"{member}-{date:yyyyMMdd}-{action}", date, action, null, null, harness.Clock.GetUtcNow()), None);

    private static async Task<HealthSeries> SeriesAsync(CoachHarness harness, string indicator) =>
        (await ReportAsync(harness)).Find(indicator) ?? new HealthSeries(indicator, []);

    private static async Task<TeamHealthReport> ReportAsync(CoachHarness harness)
    {
        var service = new TeamHealthService(harness.OneOnOnes, harness.Reflections, harness.Progress, harness.Users, harness.TeamHealth, CoachHarness.Content);
        var profile = await harness.ProfileAsync("lead");
        return await service.BuildAsync(profile, harness.Clock.GetUtcNow(), None);
    }
}
