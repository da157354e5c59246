using CoachBot.Content.Model;
using CoachBot.Core.Habits;
using CoachBot.Core.Missions;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Reading;
using CoachBot.Testing.Fakes;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.Missions;

public sealed class MissionsTests
{
    // The harness clock starts on Tuesday 2026-11-24, 09:00 UTC.
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static ContentCatalog En => CoachHarness.Content.For("en");

    private static UserProfile Profile(string role = "manager", string? focus = null) =>
        new() { User = CoachHarness.User(), Role = role, CareerPath = "internal", MissionFocus = focus };

    private static PracticeEntry Entry(string id, DateOnly date, MicroStep step) =>
        new(CoachHarness.User(), id, date, step.ActionId, step.Id, null, DateTimeOffset.UnixEpoch);

    private static PracticeEntry Entry(string id, DateOnly date, string action) =>
        new(CoachHarness.User(), id, date, action, null, null, DateTimeOffset.UnixEpoch);

    // ---- standing ----

    [Fact]
    public void Standing_NothingKnown_IsNotStartedEverywhere()
    {
        var overview = MissionStandingService.Build(Profile(), En, Today, [], null, 0, 0);

        Assert.Equal(ContentVocabulary.MissionIds, overview.Missions.Select(m => m.Mission.Id));
        Assert.All(overview.Missions, m => Assert.Equal(0, m.Standing.Level));
        Assert.Null(overview.Missions.Single(m => m.Mission.Id == "stakeholders").Standing.OneOnOnesHeld);
        Assert.Equal(0, overview.Missions.Single(m => m.Mission.Id == "development").Standing.OneOnOnesHeld);
    }

    [Fact]
    public void Standing_CountsMissionStepsPracticeSkillsAndOneOnOnes()
    {
        var evaluation = En.FindMission("evaluation")!;
        var steps = evaluation.Steps.Where(s => s.FitsRole("manager")).Take(3).ToList();
        PracticeEntry[] log =
        [
            Entry("a", Today, steps[0]),
            Entry("b", Today.AddDays(-10), steps[1]),
            Entry("c", Today.AddDays(-11), steps[1]),            // the same step twice counts once
            Entry("d", Today.AddDays(-200), steps[2]),          // done, but before the 12 weeks
            Entry("e", Today.AddDays(-3), "management"),        // related practice (evaluation links management)
            Entry("f", Today.AddDays(-3), "recruiting"),        // not related
        ];
        var skills = new Dictionary<string, int> { ["people"] = 4, ["communication"] = 3, ["technical"] = 1 };

        var overview = MissionStandingService.Build(Profile(), En, Today, log, skills, oneOnOnesAsManager: 2, oneOnOnesAsReport: 5);

        var standing = overview.Missions.Single(m => m.Mission.Id == "evaluation").Standing;
        Assert.Equal(3, standing.StepsDone);
        Assert.Equal(2, standing.StepsDoneRecently);
        Assert.Equal(evaluation.Steps.Count(s => s.FitsRole("manager")), standing.StepsForRole);
        Assert.Equal(4, standing.RelatedPractice);                // a, b, c (mission steps practise management) and e
        Assert.Equal(4, standing.SkillLevel);                     // (4 + 3) / 2 = 3.5, rounded away from zero
        Assert.Equal(2, standing.OneOnOnesHeld);                  // only as the manager for evaluation
        Assert.Equal((2 * 2) + 4 + 3 + 2, standing.Points);
        Assert.Equal(MissionStanding.MaxLevel, standing.Level);
        Assert.Equal(7, overview.Missions.Single(m => m.Mission.Id == "development").Standing.OneOnOnesHeld);
        Assert.Equal(0, overview.Missions.Single(m => m.Mission.Id == "environment").Standing.StepsDone);
    }

    [Theory]
    [InlineData(0, 0, null, 0, 0)]
    [InlineData(0, 1, null, 0, 1)]
    [InlineData(2, 0, null, 0, 1)]                                 // 4 points
    [InlineData(2, 1, null, 0, 2)]                                 // 5 points
    [InlineData(0, 6, 5, 0, 3)]                                    // 6 + 4 = 10 points
    [InlineData(0, 40, null, 40, 3)]                               // capped: 6 + 4
    [InlineData(0, 40, null, 0, 2)]                                // practice alone is capped at 6
    public void Standing_LevelFollowsThePoints(int recentSteps, int practice, int? skill, int oneOnOnes, int level)
    {
        var standing = new MissionStanding("development", recentSteps, 10, recentSteps, practice, skill, oneOnOnes);

        Assert.Equal(level, standing.Level);
    }

    // ---- next step ----

    [Fact]
    public void NextStep_IsTheFirstStepForTheRoleNotYetDone()
    {
        var mission = En.FindMission("org_design")!;
        var forDirector = mission.Steps.Where(s => s.FitsRole("director")).ToList();

        var first = MissionStandingService.NextStep(mission, Profile("director"), []);
        var second = MissionStandingService.NextStep(mission, Profile("director"), [Entry("a", Today, forDirector[0])]);

        Assert.Equal(forDirector[0], first);
        Assert.Equal(forDirector[1], second);
        Assert.DoesNotContain(mission.Steps.Where(s => !s.FitsRole("director")), s => s == first || s == second);
    }

    [Fact]
    public void NextStep_EverythingDone_IsTheOneDoneLongestAgo()
    {
        var mission = En.FindMission("stakeholders")!;
        var fitting = mission.Steps.Where(s => s.FitsRole("engineer")).ToList();
        var log = fitting.Select((s, i) => Entry("e" + i, Today.AddDays(-i), s)).ToList();

        var next = MissionStandingService.NextStep(mission, Profile("engineer"), log);

        Assert.Equal(fitting[^1], next);
    }

    // ---- focus weighting ----

    [Fact]
    public void Pool_WithoutFocus_IsTheFiveActions()
    {
        Assert.Same(En.Actions, DailyStepService.Pool(Profile(), En, Today));
        Assert.Same(En.Actions, DailyStepService.Pool(Profile(), En, Today.AddDays(1)));
    }

    [Fact]
    public void Pool_WithFocus_EveryOtherWorkingDayIsTheMissionThenItsLinkedActions()
    {
        var profile = Profile(focus: "evaluation");
        var monday = new DateOnly(2026, 11, 23);
        var days = Enumerable.Range(0, 14).Select(monday.AddDays).Where(d => profile.WorkingDays.Contains(d.DayOfWeek)).ToList();

        var focusDays = days.Where(d => DailyStepService.IsFocusDay(profile, d)).ToList();

        Assert.Equal(5, focusDays.Count);                            // 10 working days, every other one
        Assert.All(days.Zip(days.Skip(1)), pair => Assert.NotEqual(DailyStepService.IsFocusDay(profile, pair.First), DailyStepService.IsFocusDay(profile, pair.Second)));
        var pool = DailyStepService.Pool(profile, En, focusDays[0]);
        Assert.Equal(["mission.evaluation", "management"], pool.Select(a => a.Id));
        Assert.Equal(En.FindMission("evaluation")!.Steps, pool[0].Steps);
        var other = days.First(d => !DailyStepService.IsFocusDay(profile, d));
        Assert.Same(En.Actions, DailyStepService.Pool(profile, En, other));
    }

    [Fact]
    public void DailyStep_WithFocus_AlternatesBetweenMissionStepsAndTheFiveActions()
    {
        var profile = Profile(role: "director", focus: "org_design");
        var mission = En.FindMission("org_design")!;
        var monday = new DateOnly(2026, 11, 23);
        var log = new List<PracticeEntry>();
        var focusDays = new List<MicroStep>();
        var otherDays = new List<MicroStep>();
        for (var day = monday; day < monday.AddDays(28); day = day.AddDays(1))
        {
            if (!profile.WorkingDays.Contains(day.DayOfWeek))
            {
                continue;
            }

            var step = DailyStepService.BuildNudge(profile, En, day, log).Step;
            (DailyStepService.IsFocusDay(profile, day) ? focusDays : otherDays).Add(step);
            log.Add(Entry("d" + day.DayNumber, day, step));
        }

        // 20 working days: 10 focus days bring every mission step a director sees, then steps of the linked actions;
        // the other 10 days go to the least practised actions, so with the mission steps (which practise their linked
        // action) all five actions are practised. Nothing repeats.
        Assert.Equal((10, 10), (focusDays.Count, otherDays.Count));
        var forDirector = mission.Steps.Count(s => s.FitsRole("director"));
        Assert.Equal(Math.Min(forDirector, 10), focusDays.Count(s => s.MissionId == "org_design"));
        Assert.All(focusDays.Where(s => s.MissionId is null), s => Assert.Contains(s.ActionId, mission.Actions));
        Assert.All(otherDays, s => Assert.Null(s.MissionId));
        var all = focusDays.Concat(otherDays).ToList();
        Assert.Equal(ContentVocabulary.ActionIds.Order(), all.Select(s => s.ActionId).Distinct().Order());
        Assert.Superset(ContentVocabulary.ActionIds.Except(mission.Actions).ToHashSet(), otherDays.Select(s => s.ActionId).ToHashSet());
        Assert.Equal(all.Count, all.Select(s => s.Id).Distinct().Count());
        Assert.All(all, s => Assert.True(s.FitsRole("director"), s.Id));
    }

    [Fact]
    public async Task ReadingSuggestion_WithFocus_PrefersABookTaggedWithTheMission()
    {
        var progress = new InMemoryProgressStore();
        var service = new ReadingService(progress, new InMemorySkillStore());

        var without = await service.SuggestAsync(Profile(), En, Today, CancellationToken.None);
        var with = await service.SuggestAsync(Profile(focus: "environment"), En, Today, CancellationToken.None);

        Assert.DoesNotContain("environment", without!.Book.Missions);
        Assert.Contains("environment", with!.Book.Missions);
        Assert.Equal("environment", with.FocusMissionId);
    }

    // ---- the verb ----

    [Fact]
    public async Task Missions_ListsSixWithPracticeStandingAndANextStepForTheRole()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(role: "director");

        var reply = Assert.Single(await harness.SendAsync("missions"));

        Assert.Equal(7, reply.Sections.Count);
        foreach (var mission in En.Missions)
        {
            var section = Assert.Single(reply.Sections, s => s.Title?.EndsWith(mission.Title, StringComparison.Ordinal) == true);
            Assert.Equal(mission.Practice, section.Body);
            Assert.Contains("Not started", section.Fields[0].Value, StringComparison.Ordinal);
            var next = MissionStandingService.NextStep(mission, await harness.ProfileAsync(), [])!;
            Assert.True(next.FitsRole("director"));
            Assert.StartsWith(next.Text, section.Fields[1].Value, StringComparison.Ordinal);
        }

        Assert.Equal(6, reply.Buttons.Count(b => b.ActionId == MissionsHandler.ShowAction));
    }

    [Fact]
    public async Task MissionsFocus_SetsShowsAndClearsTheFocus()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var set = Assert.Single(await harness.SendAsync("missions focus org design"));
        Assert.Equal("org_design", (await harness.ProfileAsync()).MissionFocus);
        Assert.Contains(En.FindMission("org_design")!.Title, set.Text, StringComparison.Ordinal);

        var list = Assert.Single(await harness.SendAsync("missions"));
        Assert.Contains("(your focus)", Assert.Single(list.Sections, s => s.Title?.Contains("(your focus)", StringComparison.Ordinal) == true).Title!, StringComparison.Ordinal);

        var off = Assert.Single(await harness.SendAsync("missions focus off"));
        Assert.Null((await harness.ProfileAsync()).MissionFocus);
        Assert.Contains("turned off", off.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissionsFocus_UnknownMission_SaysWhatToTypeAndChangesNothing()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("missions focus marketing"));

        Assert.True(reply.IsError);
        Assert.Contains("\"marketing\"", reply.Text, StringComparison.Ordinal);
        Assert.Contains("4. org_design", reply.Text, StringComparison.Ordinal);
        Assert.Null((await harness.ProfileAsync()).MissionFocus);
        Assert.Equal(6, reply.Buttons.Count(b => b.ActionId == MissionsHandler.FocusAction));
    }

    [Fact]
    public async Task MissionDetail_DoThisStepToday_MakesItTodaysStepAndDoneCountsIt()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(role: "manager");

        var detail = Assert.Single(await harness.SendAsync("missions 3"));
        Assert.Contains(En.FindMission("evaluation")!.Title, detail.Sections[0].Title!, StringComparison.Ordinal);
        var tryButton = Assert.Single(detail.Buttons, b => b.ActionId == MissionsHandler.TryAction);

        var step = Assert.Single(await harness.PressAsync(tryButton));
        await harness.SendAsync("done");

        var entry = Assert.Single(await harness.PracticeAsync());
        Assert.Equal(tryButton.Values["step"], entry.StepId);
        Assert.Equal("management", entry.ActionId);
        Assert.Contains(En.FindMission("evaluation")!.Title, step.Text, StringComparison.Ordinal);
        var after = Assert.Single(await harness.SendAsync("missions evaluation"));
        Assert.Contains("1 of", after.Text, StringComparison.Ordinal);
        Assert.NotEqual(tryButton.Values["step"], Assert.Single(after.Buttons, b => b.ActionId == MissionsHandler.TryAction).Values["step"]);
    }

    [Fact]
    public async Task Missions_OneOnOnesHeldCountForDevelopment()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(role: "manager");
        var pairing = new Pairing("p1", CoachHarness.User(), CoachHarness.User("bob"), Cadence.Weekly, DayOfWeek.Tuesday, new TimeOnly(10, 0), "UTC", Today.AddDays(-21), PairingState.Active);
        await harness.OneOnOnes.SavePairingAsync(pairing, CancellationToken.None);
        await harness.OneOnOnes.MarkHeldAsync("p1", Today.AddDays(-14), CancellationToken.None);
        await harness.OneOnOnes.MarkHeldAsync("p1", Today.AddDays(-7), CancellationToken.None);

        var reply = Assert.Single(await harness.SendAsync("missions development"));

        Assert.Contains("1-on-1s held in the last 12 weeks: 2", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Getting started", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missions_InJapanese_UsesJapaneseContent()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("settings language ja");

        var reply = Assert.Single(await harness.SendAsync("ミッション"));
        var focus = Assert.Single(await harness.SendAsync("missions focus 評価"));

        Assert.Contains("VPoE の6つのミッション", reply.Text, StringComparison.Ordinal);
        Assert.Contains("未着手", reply.Text, StringComparison.Ordinal);
        Assert.Equal("evaluation", (await harness.ProfileAsync()).MissionFocus);
        Assert.Contains("評価制度の設計と運用", focus.Text, StringComparison.Ordinal);

        // The Japanese words work too: 「ミッション 注力 オフ」 clears it, 「ミッション 注力 4」 sets another.
        await harness.SendAsync("ミッション 注力 オフ");
        Assert.Null((await harness.ProfileAsync()).MissionFocus);
        await harness.SendAsync("ミッション 注力 4");
        Assert.Equal("org_design", (await harness.ProfileAsync()).MissionFocus);
    }
}
