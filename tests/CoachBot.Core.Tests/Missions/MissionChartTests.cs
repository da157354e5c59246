using CoachBot.Content.Model;
using CoachBot.Core.Missions;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.Missions;

/// <summary>The missions overview's chart: in the first section when the host makes chart links, with the numbers in its alt text.</summary>
public sealed class MissionChartTests
{
    private static ContentCatalog En => CoachHarness.Content.For("en");

    private static ContentCatalog Ja => CoachHarness.Content.For("ja");

    private static int ForManager(ContentCatalog content, string missionId) =>
        content.FindMission(missionId)!.Steps.Count(s => s.FitsRole("manager") && s.FitsPath("internal"));

    [Fact]
    public async Task Overview_WithChartLinks_FirstSectionHasTheChartAndAltTextWithEachMissionsNumbers()
    {
        var harness = new CoachHarness(missionCharts: new TestMissionChartLinks());
        await harness.OnboardAsync(role: "manager");
        await DoOneEvaluationStepAsync(harness);
        await harness.SendAsync("missions focus evaluation");

        var reply = Assert.Single(await harness.SendAsync("missions"));

        Assert.Equal(7, reply.Sections.Count);
        var image = reply.Sections[0].Image;
        Assert.NotNull(image);
        Assert.Equal("https://charts.test/missions/alice/en.png", image.Url);
        Assert.Equal(En.Strings.Format("missions.title"), reply.Sections[0].Title);
        Assert.All(reply.Sections.Skip(1), s => Assert.Null(s.Image));
        Assert.StartsWith("Bar chart of your 6 missions: mission steps done out of the steps for your role. 1. Hire engineers: 0 of ", image.AltText, StringComparison.Ordinal);
        Assert.Contains($"3. Run a fair evaluation system (your focus): 1 of {ForManager(En, "evaluation")} steps done.", image.AltText, StringComparison.Ordinal);
        Assert.Contains($"2. Grow engineers: 0 of {ForManager(En, "development")} steps done. 3.", image.AltText, StringComparison.Ordinal);
        Assert.EndsWith($"6. Connect engineering with the company: 0 of {ForManager(En, "stakeholders")} steps done.", image.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_InJapanese_ChartLinkAndAltTextAreJapanese()
    {
        var harness = new CoachHarness(missionCharts: new TestMissionChartLinks());
        await harness.OnboardAsync(role: "manager");
        await DoOneEvaluationStepAsync(harness);
        await harness.SendAsync("settings language ja");

        var reply = Assert.Single(await harness.SendAsync("missions"));

        var image = reply.Sections[0].Image!;
        Assert.Equal("https://charts.test/missions/alice/ja.png", image.Url);
        Assert.StartsWith("6つのミッションの棒グラフです。", image.AltText, StringComparison.Ordinal);
        Assert.Contains($"2. エンジニアの育成とキャリア支援：{ForManager(Ja, "development")} 件中 0 件を実践済み。3. 評価制度の設計と運用：{ForManager(Ja, "evaluation")} 件中 1 件を実践済み。", image.AltText, StringComparison.Ordinal);
        Assert.DoesNotContain("注力中", image.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_WithoutChartLinks_HasNoImage()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(role: "manager");

        var reply = Assert.Single(await harness.SendAsync("missions"));

        Assert.Equal(7, reply.Sections.Count);
        Assert.All(reply.Sections, s => Assert.Null(s.Image));
    }

    [Fact]
    public async Task MissionDetail_HasNoChart()
    {
        var harness = new CoachHarness(missionCharts: new TestMissionChartLinks());
        await harness.OnboardAsync(role: "manager");

        var reply = Assert.Single(await harness.SendAsync("missions evaluation"));

        Assert.All(reply.Sections, s => Assert.Null(s.Image));
    }

    [Fact]
    public void AltText_MissionWithoutStepsForTheRole_SaysSo()
    {
        var profile = new UserProfile { User = CoachHarness.User(), Role = "manager", CareerPath = "internal", MissionFocus = "recruiting" };
        var overview = MissionStandingService.Build(profile, En, new DateOnly(2026, 11, 24), [], null, 0, 0);
        var first = overview.Missions[0];
        var none = overview with { Missions = [first with { Standing = first.Standing with { StepsForRole = 0 } }, .. overview.Missions.Skip(1)] };

        var alt = MissionChartAltText.Describe(none, En);

        Assert.Contains("1. Hire engineers (your focus): no steps for your role yet. 2. Grow engineers: 0 of", alt, StringComparison.Ordinal);
    }

    /// <summary>Does the first evaluation step for the role through "Do this step today" and <c>done</c>.</summary>
    private static async Task DoOneEvaluationStepAsync(CoachHarness harness)
    {
        var detail = Assert.Single(await harness.SendAsync("missions evaluation"));
        await harness.PressAsync(Assert.Single(detail.Buttons, b => b.ActionId == MissionsHandler.TryAction));
        await harness.SendAsync("done");
        Assert.NotNull(Assert.Single(await harness.PracticeAsync()).StepId);
    }
}
