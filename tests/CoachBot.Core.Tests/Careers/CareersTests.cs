using CoachBot.Core.Careers;

namespace CoachBot.Core.Tests.Careers;

public sealed class CareersTests
{
    [Fact]
    public async Task Path_Chosen_ListsMilestonesInOrderWithTheRolesOneCurrentAndItsNextStep()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(role: "senior", path: "internal");
        var path = CoachHarness.Content.For("en").Paths.Single(p => p.Id == "internal");

        var reply = Assert.Single(await harness.SendAsync("path"));

        var milestones = reply.Sections[0].Fields;
        Assert.Equal(path.Milestones.Select(m => m.Detail), milestones.Select(f => f.Value));
        var current = Assert.Single(milestones, f => f.Label.Contains("you are here", StringComparison.Ordinal));
        Assert.Contains(path.Milestones[1].Title, current.Label, StringComparison.Ordinal);
        Assert.Equal(path.Milestones[1].NextStep, reply.Sections[1].Body);
        Assert.Contains(path.Milestones[1].NextStep, reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, reply.Buttons.Count(b => b.ActionId == PathHandler.ChooseAction));
    }

    [Theory]
    [InlineData("manager", "job_change", "job_change.em-years")]
    [InlineData("director", "founding", "founding.join-early")]
    [InlineData("other", "internal", "internal.engineer")]
    public void CurrentMilestone_ByRole_IsTheFirstNamingTheRole(string role, string pathId, string expected)
    {
        var path = CoachHarness.Content.For("en").Paths.Single(p => p.Id == pathId);

        Assert.Equal(expected, PathHandler.CurrentMilestone(path, role).Id);
    }

    [Fact]
    public async Task Path_RoleOnNoMilestone_StartsAtTheFirstAndSaysWhy()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(role: "other", path: "job_change");

        var reply = Assert.Single(await harness.SendAsync("path"));

        Assert.Contains("settings role", reply.Text, StringComparison.Ordinal);
        Assert.Contains("you are here", reply.Sections[0].Fields[0].Label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_NoneChosen_AsksWithAButtonPerPath()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.Users.SaveAsync((await harness.ProfileAsync()) with { CareerPath = null }, CancellationToken.None);

        var reply = Assert.Single(await harness.SendAsync("path"));

        Assert.Equal(["internal", "job_change", "founding"], reply.Buttons.Select(b => b.Values["value"]));
        Assert.All(reply.Buttons, b => Assert.Equal(PathHandler.ChooseAction, b.ActionId));
    }

    [Fact]
    public async Task Path_SwitchButton_ChangesThePathAndShowsIt()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(role: "manager", path: "internal");
        var reply = Assert.Single(await harness.SendAsync("path"));

        var switched = Assert.Single(await harness.PressAsync(reply.Buttons.First(b => b.Values.GetValueOrDefault("value") == "founding")));

        Assert.Equal("founding", (await harness.ProfileAsync()).CareerPath);
        Assert.Contains("Founding member", switched.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("path 2", "job_change")]
    [InlineData("path founding", "founding")]
    [InlineData("path Change companies", "job_change")]
    public async Task Path_Typed_SwitchesLikeOnboarding(string text, string expected)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(path: "internal");

        await harness.SendAsync(text);

        Assert.Equal(expected, (await harness.ProfileAsync()).CareerPath);
    }

    [Fact]
    public async Task Path_Unknown_ErrorWithButtonsAndNothingSaved()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(path: "internal");

        var reply = Assert.Single(await harness.SendAsync("path astronaut"));

        Assert.True(reply.IsError);
        Assert.Equal(3, reply.Buttons.Count);
        Assert.Equal("internal", (await harness.ProfileAsync()).CareerPath);
    }

    [Fact]
    public async Task Roles_ExplainsEveryRoleWithQuestionFocusScopeAndHorizon()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var roles = CoachHarness.Content.For("en").Roles;

        var reply = Assert.Single(await harness.SendAsync("roles"));

        var sections = reply.Sections.Skip(1).ToList();
        Assert.Equal(roles.Select(r => r.Title), sections.Select(s => s.Title));
        Assert.All(sections, s => Assert.Equal(["Question it answers", "Focus", "Scope", "Time horizon"], s.Fields.Select(f => f.Label)));
        var vpoe = roles.Single(r => r.Id == "vpoe");
        Assert.Contains(vpoe.Question, reply.Text, StringComparison.Ordinal);
        Assert.Contains(vpoe.Horizon, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_OneRole_ShowsOnlyThatOne()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("roles tech lead"));

        Assert.Equal("Tech Lead", Assert.Single(reply.Sections.Skip(1)).Title);
    }

    [Fact]
    public async Task Roles_Unknown_SaysSoAndShowsAll()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("roles wizard"));

        Assert.True(reply.IsError);
        Assert.Equal(6, reply.Sections.Count);
    }

    [Fact]
    public async Task Roles_InJapanese_UsesJapaneseContent()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("settings language ja");

        var reply = Assert.Single(await harness.SendAsync("roles"));

        Assert.Contains("答える問い", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "internal", "8 to 12 million yen", "What is VPoE? The Engineering Organization Management Leader")]
    [InlineData("ja", "job_change", "800万〜1,200万円", "「What is VPoE? The Engineering Organization Management Leader」")]
    public async Task Path_Shown_GivesTheSeedsSalaryRangesAndFactorsWithTheArticleAsSource(string language, string pathId, string startupRange, string source)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(role: "manager", path: pathId);
        await harness.Users.SaveAsync((await harness.ProfileAsync()) with { Language = language }, CancellationToken.None);
        var content = CoachHarness.Content.For(language);

        var reply = Assert.Single(await harness.SendAsync("path"));

        var sizes = Assert.Single(reply.Sections, s => s.Title == content.Strings.Format("path.salary.by_company_size"));
        Assert.Equal(4, sizes.Fields.Count);
        Assert.Equal(startupRange, sizes.Fields[0].Value);
        var factors = Assert.Single(reply.Sections, s => s.Title == content.Strings.Format("path.salary.factors"));
        Assert.Equal(content.Salary.Factors.Select(f => f.Label), factors.Fields.Select(f => f.Label));
        Assert.Equal(5, factors.Fields.Count);
        Assert.Contains(reply.Sections, s => s.Title == content.Strings.Format("path.salary.title") && s.Body == content.Salary.Summary);
        var last = reply.Sections[^1];
        Assert.Contains(source, last.Body, StringComparison.Ordinal);
        Assert.Contains(startupRange, reply.Text, StringComparison.Ordinal);
        Assert.Contains(source, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SalaryFacts_AreTheSeedsFiguresOnly()
    {
        // The seed's ranges by company size, in order; a change here must come from the seed, not be invented.
        var en = CoachHarness.Content.For("en").Salary;
        var ja = CoachHarness.Content.For("ja").Salary;

        Assert.Equal(["8 to 12 million yen", "10 to 15 million yen", "12 to 20 million yen", "15 to 30 million yen"], en.ByCompanySize.Select(f => f.Value));
        Assert.Equal(["800万〜1,200万円", "1,000万〜1,500万円", "1,200万〜2,000万円", "1,500万〜3,000万円"], ja.ByCompanySize.Select(f => f.Value));
        Assert.Contains("10 to 15 million yen", en.Summary, StringComparison.Ordinal);
        Assert.Contains("1,000万〜1,500万円", ja.Summary, StringComparison.Ordinal);
    }
}
