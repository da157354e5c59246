using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;
using CoachBot.Core.Skills;

namespace CoachBot.Core.Tests.Habits;

public sealed class ProgressHandlerTests
{
    // The harness clock starts on Tuesday 2026-11-24, 09:00 UTC.
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static async Task SeedAsync(CoachHarness harness, string id, DateOnly date, string action) =>
        await harness.Progress.AddAsync(new PracticeEntry(CoachHarness.User(), id, date, action, null, null, harness.Clock.GetUtcNow()), CancellationToken.None);

    [Fact]
    public async Task Progress_AfterTodayAndDone_ShowsStreakOneAndTheChartLink()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("today");
        await harness.SendAsync("done");

        var reply = Assert.Single(await harness.SendAsync("progress"));

        Assert.Contains("Streak: 1 working day in a row (longest: 1)", reply.Text, StringComparison.Ordinal);
        var image = Assert.Single(reply.Sections, s => s.Image is not null).Image!;
        Assert.Equal("https://charts.test/alice/en.png", image.Url);
        Assert.False(string.IsNullOrWhiteSpace(image.AltText));
    }

    [Fact]
    public async Task Progress_NothingLogged_SaysSoAndOffersToday()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("progress"));

        Assert.Contains("Nothing logged yet", reply.Text, StringComparison.Ordinal);
        Assert.Contains("No self-assessment yet", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Buttons, b => b.ActionId == HabitHandler.LogFormAction);
        Assert.Contains(reply.Buttons, b => b.Values.GetValueOrDefault(CommandActions.TextValue) == "today");
    }

    [Fact]
    public async Task Progress_CountsPerActionOver4And12Weeks()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await SeedAsync(harness, "a", Today, "management");
        await SeedAsync(harness, "b", Today.AddDays(-27), "management");
        await SeedAsync(harness, "c", Today.AddDays(-28), "management");
        await SeedAsync(harness, "d", Today.AddDays(-83), "recruiting");
        await SeedAsync(harness, "e", Today.AddDays(-84), "recruiting");

        var reply = Assert.Single(await harness.SendAsync("progress"));

        var management = CoachHarness.Content.For("en").FindAction("management")!.Title;
        var recruiting = CoachHarness.Content.For("en").FindAction("recruiting")!.Title;
        Assert.Contains($"{management}: 3 times in 12 weeks, 2 in the last 4", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"{recruiting}: once in 12 weeks, none in the last 4", reply.Text, StringComparison.Ordinal);
        var business = CoachHarness.Content.For("en").FindAction("business")!.Title;
        Assert.Contains($"{business}: not practised in the last 12 weeks", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" / ", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"{management}: 75%", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"{recruiting}: 25%", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_LeastPractisedAction_GetsAButtonThatOpensTheLogFormForIt()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var ids = new[] { "management", "recruiting", "cross_team", "business" };
        for (var i = 0; i < ids.Length; i++)
        {
            await SeedAsync(harness, $"p{i}", Today.AddDays(-i), ids[i]);
        }

        var reply = Assert.Single(await harness.SendAsync("progress"));
        var button = Assert.Single(reply.Buttons, b => b.ActionId == HabitHandler.LogFormAction);
        var form = Assert.Single(await harness.PressAsync(button)).Form;

        Assert.Equal("market_value", button.Values["action"]);
        Assert.Contains("Least practised lately", reply.Text, StringComparison.Ordinal);
        Assert.Equal("market_value", Assert.Single(form!.Inputs, i => i.Id == "action").InitialValue);
    }

    [Fact]
    public async Task Progress_TwoAssessments_ShowsLatestAgainstPreviousPerSkill()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var skills = CoachHarness.Content.For("en").Skills;
        await harness.Skills.SaveAsync(new SkillAssessment(CoachHarness.User(), new DateOnly(2026, 10, 1), skills.ToDictionary(s => s.Id, _ => 2), harness.Clock.GetUtcNow()), CancellationToken.None);
        await harness.Skills.SaveAsync(new SkillAssessment(CoachHarness.User(), new DateOnly(2026, 11, 1), skills.ToDictionary(s => s.Id, s => s.Id == "people" ? 4 : 2), harness.Clock.GetUtcNow()), CancellationToken.None);

        var reply = Assert.Single(await harness.SendAsync("progress"));

        Assert.Contains("November 2026 compared with October 2026", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"{skills.Single(s => s.Id == "people").Title}: 4 (was 2, +2)", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"{skills.Single(s => s.Id == "technical").Title}: 2 (was 2, ±0)", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_InJapanese_UsesJapaneseLinesAndChartLanguage()
    {
        var harness = new CoachHarness();
        await harness.SendAsync("start", locale: "ja-JP");
        await harness.PressAsync("onboarding.role", new Dictionary<string, string> { ["value"] = "senior" });
        await harness.PressAsync("onboarding.path", new Dictionary<string, string> { ["value"] = "internal" });
        await harness.PressAsync("onboarding.time", new Dictionary<string, string> { ["value"] = "09:00" });
        await harness.PressAsync("onboarding.days", new Dictionary<string, string> { ["value"] = "mon-fri" });

        var reply = Assert.Single(await harness.SendAsync("progress"));

        Assert.Contains("連続記録", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("/ja.png", Assert.Single(reply.Sections, s => s.Image is not null).Image!.Url, StringComparison.Ordinal);
    }
}
