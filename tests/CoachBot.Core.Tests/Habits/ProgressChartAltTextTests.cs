using CoachBot.Core.Habits;
using CoachBot.Core.Skills;

namespace CoachBot.Core.Tests.Habits;

/// <summary>The progress chart's alt text: a summary of the same report the chart draws, in the user's language.</summary>
public sealed class ProgressChartAltTextTests
{
    [Fact]
    public async Task Progress_ChartAltText_SummarisesStreakBusiestActionAndSkillsTrend_InEnglish()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await SeedAsync(harness, "en");

        var reply = Assert.Single(await harness.SendAsync("progress"));

        Assert.Equal(
            "Progress chart: a practice calendar of the last 26 weeks, practice per action over 12 weeks and the skills trend. "
            + "Streak: 3 working days in a row (longest: 3). "
            + "4 practices in 12 weeks, most often Build management experience (3 times). "
            + "Skills in November 2026 compared with October 2026: 1 up, 1 down, 3 unchanged.",
            AltText(reply));
    }

    [Fact]
    public async Task Progress_ChartAltText_SummarisesStreakBusiestActionAndSkillsTrend_InJapanese()
    {
        var harness = new CoachHarness();
        await harness.SendAsync("start", locale: "ja-JP");
        await harness.PressAsync("onboarding.role", new Dictionary<string, string> { ["value"] = "senior" });
        await harness.PressAsync("onboarding.path", new Dictionary<string, string> { ["value"] = "internal" });
        await harness.PressAsync("onboarding.time", new Dictionary<string, string> { ["value"] = "09:00" });
        await harness.PressAsync("onboarding.days", new Dictionary<string, string> { ["value"] = "mon-fri" });
        await SeedAsync(harness, "ja");

        var reply = Assert.Single(await harness.SendAsync("progress"));

        Assert.Equal(
            "進捗グラフ：直近26週間の実践カレンダー、12週間のアクション別の実践回数、スキル自己評価の推移。"
            + "連続記録は 3 勤務日（最長 3 日）。"
            + "12週間で 4 回実践し、いちばん多いのは「マネジメント経験を積む」（3 回）。"
            + "スキル自己評価は 2026年10月 から 2026年11月 にかけて、上がったもの 1、下がったもの 1、変わらないもの 3。",
            AltText(reply));
    }

    [Fact]
    public async Task Progress_ChartAltText_WithNothingYet_SaysSoInsteadOfNumbers()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("progress"));

        var alt = AltText(reply);
        Assert.Contains("Streak: 0 working days in a row (longest: 0).", alt, StringComparison.Ordinal);
        Assert.Contains("Nothing practised in the last 12 weeks.", alt, StringComparison.Ordinal);
        Assert.EndsWith("No skills self-assessment yet.", alt, StringComparison.Ordinal);
    }

    private static string AltText(Conversation.Reply reply) => Assert.Single(reply.Sections, s => s.Image is not null).Image!.AltText;

    /// <summary>
    /// Friday 20, Monday 23 and Tuesday 24 November (the harness's today): three working days in a row; management
    /// three times, market value once; October all 2s, November people up to 4 and technical down to 1.
    /// </summary>
    private static async Task SeedAsync(CoachHarness harness, string language)
    {
        var user = CoachHarness.User();
        var at = harness.Clock.GetUtcNow();
        foreach (var (id, day, action) in new[] { ("a", 20, "management"), ("b", 23, "management"), ("c", 24, "management"), ("d", 24, "market_value") })
        {
            await harness.Progress.AddAsync(new PracticeEntry(user, id, new DateOnly(2026, 11, day), action, null, null, at), CancellationToken.None);
        }

        var skills = CoachHarness.Content.For(language).Skills;
        await harness.Skills.SaveAsync(new SkillAssessment(user, new DateOnly(2026, 10, 1), skills.ToDictionary(s => s.Id, _ => 2), at), CancellationToken.None);
        await harness.Skills.SaveAsync(
            new SkillAssessment(user, new DateOnly(2026, 11, 1), skills.ToDictionary(s => s.Id, s => s.Id switch { "people" => 4, "technical" => 1, _ => 2 }), at),
            CancellationToken.None);
    }
}
