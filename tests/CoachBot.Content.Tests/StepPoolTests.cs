using CoachBot.Content.Loading;
using CoachBot.Content.Model;
using CoachBot.Content.Selection;

namespace CoachBot.Content.Tests;

/// <summary>
/// The shipped daily step pools (actions.yaml) against what issue 16 asks of them: no repeat within 8 weeks for any
/// user, mostly short steps, job-market steps only on the job-change path, and steps that fit directors.
/// </summary>
public sealed class StepPoolTests
{
    /// <summary>
    /// Eligible steps each action needs for every role and path. A user nudged every day for 8 weeks practises the
    /// least recently practised action each day, so one action comes up at most ceil(56 / 5) = 12 times; "Another one"
    /// twice a week shows a second step on at most 4 of those 12 days (an action's days fall on each weekday at most
    /// twice in 12, and two weekdays carry the presses), so an action shows at most 16 steps.
    /// </summary>
    public const int RequiredPerAction = 16;

    private const int Weeks = 8;

    private static readonly Lazy<ContentLibrary> Library = new(() => ContentLoader.Load(ContentFolder.Shipped));

    /// <summary>A Monday; the simulation starts a new user here.</summary>
    private static readonly DateOnly Start = new(2027, 1, 4);

    public static TheoryData<string?> Roles()
    {
        var data = new TheoryData<string?>();
        foreach (var role in UserVariants.Roles)
        {
            data.Add(role);
        }

        return data;
    }

    /// <summary>
    /// The repeat-free proof: for every role, path and working week the settings allow, a user who practises each
    /// nudge and presses "Another one" on two of their working days every week (every pair of days is tried; with a
    /// single working day, twice on it) never sees a step twice in 8 weeks. Runs on the English content; the
    /// Japanese steps are the same ids in the same order with the same filters (checked below and by the loader).
    /// </summary>
    [Theory]
    [MemberData(nameof(Roles))]
    public void EightWeeks_EveryPathAndWorkingWeekWithAnotherOneTwiceAWeek_NoStepIsShownTwice(string? role)
    {
        var actions = Library.Value.For("en").Actions;
        var failures = new List<string>();
        var users = 0;
        foreach (var path in UserVariants.Paths)
        {
            foreach (var week in UserVariants.WorkingWeeks)
            {
                foreach (var presses in UserVariants.AnotherOneDays(week))
                {
                    users++;
                    if (Simulate(actions, role, path, week, presses) is { } repeat)
                    {
                        failures.Add($"role {role ?? "(none)"}, path {path ?? "(none)"}, days {string.Join(",", week)}, another one on {string.Join(" and ", presses)}: {repeat}");
                    }
                }
            }
        }

        Assert.True(users > 2000, $"only {users} users simulated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {users} users meet a repeat, e.g.\n{string.Join("\n", failures.Take(5))}");
    }

    [Fact]
    public void StepOrderAndFilters_AreTheSameInBothLanguages()
    {
        static IEnumerable<string> Shape(ContentCatalog c) => c.Actions.SelectMany(a => a.Steps).Select(s =>
            $"{s.Id}|{s.Minutes}|{string.Join(",", s.Roles)}|{string.Join(",", s.Paths)}|{s.Audience}");

        Assert.Equal(Shape(Library.Value.For("en")), Shape(Library.Value.For("ja")));
    }

    [Fact]
    public void EveryRoleAndPath_HasEnoughEligibleStepsInEveryAction()
    {
        Assert.True(RequiredPerAction >= 12, "The issue asks for at least 12 per action.");
        foreach (var language in new[] { "en", "ja" })
        {
            foreach (var action in Library.Value.For(language).Actions)
            {
                foreach (var role in UserVariants.Roles)
                {
                    foreach (var path in UserVariants.Paths)
                    {
                        var eligible = action.Steps.Count(s => s.FitsAudience(path) && s.FitsRole(role) && s.FitsPath(path));
                        Assert.True(eligible >= RequiredPerAction,
                            $"{language} {action.Id}: role {role ?? "(none)"} on path {path ?? "(none)"} has {eligible} steps, needs {RequiredPerAction}");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void Steps_AtLeast60PercentTake15MinutesOrLess(string language)
    {
        var steps = Library.Value.For(language).Actions.SelectMany(a => a.Steps).ToList();

        var share = (double)steps.Count(s => s.Minutes <= 15) / steps.Count;

        Assert.True(share >= 0.6, $"{share:P0} of {steps.Count} steps take 15 minutes or less");
    }

    [Fact]
    public void ChapterSteps_SayTheyNeedTheBookAtHand()
    {
        var en = Library.Value.For("en").Actions.SelectMany(a => a.Steps).Where(s => s.Text.Contains("chapter", StringComparison.OrdinalIgnoreCase)).ToList();
        var ja = Library.Value.For("ja").Actions.SelectMany(a => a.Steps).Where(s => s.Text.Contains('章', StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(en);
        Assert.All(en, s => Assert.Contains("needs", s.Text, StringComparison.Ordinal));
        Assert.All(ja, s => Assert.Contains("手元に必要", s.Text, StringComparison.Ordinal));
        Assert.Equal(en.Select(s => s.Id), ja.Select(s => s.Id));
    }

    [Fact]
    public void PlTermStep_NamesIncomeStatementLinesAndRoiLtvCacAreCalledMetrics()
    {
        var en = Library.Value.For("en");
        var term = en.FindStep("business.one-pl-term")!;
        Assert.DoesNotContain("ROI", term.Text, StringComparison.Ordinal);
        Assert.Contains("gross profit", term.Text, StringComparison.Ordinal);
        Assert.Contains("not lines on the income statement", en.FindStep("business.one-metric")!.Text, StringComparison.Ordinal);
        Assert.Contains("損益計算書の項目ではなく", Library.Value.For("ja").FindStep("business.one-metric")!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ROI", Library.Value.For("ja").FindStep("business.one-pl-term")!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recruiter")]
    [InlineData("salary")]
    [InlineData("CV")]
    [InlineData("profile")]
    [InlineData("join")]
    public void MarketValueStepsAboutTheJobMarket_AreForTheJobChangePathOnly(string word)
    {
        var steps = Library.Value.For("en").FindAction("market_value")!.Steps
            .Where(s => s.Text.Contains(word, StringComparison.Ordinal))
            .ToList();

        Assert.All(steps, s => Assert.True(s.IsJobMarket, $"{s.Id} talks about the job market ({word}) but is offered to everyone"));
    }

    [Fact]
    public void JobMarketSteps_NeverChosenOffTheJobChangePath_AndChosenOnIt()
    {
        var actions = Library.Value.For("en").Actions;
        var jobMarket = actions.SelectMany(a => a.Steps).Where(s => s.IsJobMarket).Select(s => s.Id).ToHashSet();
        Assert.True(jobMarket.Count >= 4);

        foreach (var role in UserVariants.Roles)
        {
            foreach (var path in UserVariants.Paths)
            {
                var shown = ShownSteps(actions, role, path, days: 200);
                if (path == "job_change")
                {
                    Assert.True(shown.Overlaps(jobMarket), $"role {role}: the job-change path never meets a job-market step");
                }
                else
                {
                    Assert.False(shown.Overlaps(jobMarket), $"role {role ?? "(none)"}, path {path ?? "(none)"} met {string.Join(", ", shown.Intersect(jobMarket))}");
                }
            }
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void Directors_GetLeadershipStepsInEveryAction_AndNoneMeantForIndividualContributors(string language)
    {
        foreach (var action in Library.Value.For(language).Actions)
        {
            var forLeaders = action.Steps.Count(s => s.Roles.Contains("director") && !s.Roles.Contains("engineer"));
            Assert.True(forLeaders >= 2, $"{action.Id} has {forLeaders} steps for directors and leaders");
            Assert.Contains(action.Steps, s => s.Roles.SequenceEqual(["director"]));
        }

        string[] individualContributorSteps =
        [
            "management.lead-small-task", "management.run-sprint-planning", "management.mentor-junior", "management.how-i-work",
            "management.say-you-want-to-lead", "recruiting.volunteer-interviewer", "recruiting.shadow-interview",
            "cross_team.requirements-session", "business.which-goal", "market_value.management-record",
        ];
        var content = Library.Value.For(language);
        Assert.All(individualContributorSteps, id => Assert.False(content.FindStep(id)!.FitsRole("director"), id));
    }

    /// <summary>
    /// A user who is nudged on each working day for 8 weeks and practises the step they end up with, pressing
    /// "Another one" twice a week. Returns the first repeat, or null.
    /// </summary>
    private static string? Simulate(IReadOnlyList<HabitAction> actions, string? role, string? path, IReadOnlyList<DayOfWeek> week, IReadOnlyList<DayOfWeek> presses)
    {
        var history = new List<PracticeHistoryItem>();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        for (var w = 0; w < Weeks; w++)
        {
            var days = Enumerable.Range(0, 7).Select(d => Start.AddDays((w * 7) + d)).Where(d => week.Contains(d.DayOfWeek)).ToList();
            for (var i = 0; i < days.Count; i++)
            {
                var another = presses.Count(p => p == days[i].DayOfWeek);
                var declined = new List<string>();
                MicroStep step;
                while (true)
                {
                    step = MicroStepSelector.Select(actions, role, path, history, days[i], declined);
                    if (!shown.Add(step.Id))
                    {
                        return $"{step.Id} again on {days[i]:yyyy-MM-dd}";
                    }

                    if (declined.Count == another)
                    {
                        break;
                    }

                    declined.Add(step.Id);
                }

                history.Add(new PracticeHistoryItem(step.ActionId, step.Id, days[i]));
            }
        }

        return null;
    }

    private static HashSet<string> ShownSteps(IReadOnlyList<HabitAction> actions, string? role, string? path, int days)
    {
        var history = new List<PracticeHistoryItem>();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < days; d++)
        {
            var date = Start.AddDays(d);
            var step = MicroStepSelector.Select(actions, role, path, history, date, []);
            var other = MicroStepSelector.Select(actions, role, path, history, date, [step.Id]);
            shown.Add(step.Id);
            shown.Add(other.Id);
            history.Add(new PracticeHistoryItem(other.ActionId, other.Id, date));
        }

        return shown;
    }
}
