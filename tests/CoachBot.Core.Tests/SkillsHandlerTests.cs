using CoachBot.Core.Conversation;
using CoachBot.Core.Skills;

namespace CoachBot.Core.Tests;

public sealed class SkillsHandlerTests
{
    private static IReadOnlyList<string> SkillIds => [.. CoachHarness.Content.For("en").Skills.Select(s => s.Id)];

    private static async Task<IReadOnlyList<SkillAssessment>> SavedAsync(CoachHarness harness) =>
        await harness.Skills.ListAsync(CoachHarness.User(), CancellationToken.None);

    [Fact]
    public async Task Skills_NoArguments_ShowsTheRubricAndOneChoicePerSkill()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("skills"));

        var form = reply.Form!;
        Assert.Equal(SkillsHandler.SaveAction, form.SubmitActionId);
        Assert.Equal(SkillIds, form.Inputs.Select(i => i.Id));
        Assert.All(form.Inputs, i =>
        {
            Assert.Equal(InputKind.Choice, i.Kind);
            Assert.Equal(["1", "2", "3", "4", "5"], i.Choices.Select(c => c.Value));
            Assert.All(i.Choices, c => Assert.True(c.Label.Length is > 3 and <= 75, c.Label));
        });
        var rubric = CoachHarness.Content.For("en").Skills[0].Rubric[4];
        Assert.Contains(rubric, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkillsForm_FirstTime_NothingChosenAndEachChoiceSaysSo()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var form = Assert.Single(await harness.SendAsync("skills")).Form!;

        Assert.All(form.Inputs, i => Assert.Null(i.InitialValue));
        Assert.All(form.Inputs, i => Assert.Equal("Choose a level", i.Placeholder));
    }

    [Fact]
    public async Task SkillsForm_NewMonth_StartsAtLastMonthsLevels()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("skills 2 3 4 5 1");
        harness.Clock.Advance(TimeSpan.FromDays(10));

        var form = Assert.Single(await harness.SendAsync("skills")).Form!;

        Assert.Equal(["2", "3", "4", "5", "1"], form.Inputs.Select(i => i.InitialValue));
        Assert.Equal("Rate your skills for December 2026", form.Title);
    }

    [Fact]
    public async Task Skills_Typed_SavesInTheContentsSkillOrderForThisMonth()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("skills 3 2 4 3 2"));

        var saved = Assert.Single(await SavedAsync(harness));
        Assert.Equal(new DateOnly(2026, 11, 1), saved.Month);
        Assert.Equal([3, 2, 4, 3, 2], SkillIds.Select(id => saved.Scores[id]));
        Assert.False(reply.IsError);
        Assert.Contains("November 2026", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skills_InJapanese_NamesTheMonthTheJapaneseWay()
    {
        var harness = new CoachHarness();
        await harness.SendAsync("settings language ja");

        var reply = Assert.Single(await harness.SendAsync("skills 3 2 4 3 2"));

        Assert.Contains("2026年11月", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skills_SecondTimeInAMonth_ReplacesTheFirst()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("skills 1 1 1 1 1");

        await harness.SendAsync("skills 5 4 3 2 1");

        var saved = Assert.Single(await SavedAsync(harness));
        Assert.Equal([5, 4, 3, 2, 1], SkillIds.Select(id => saved.Scores[id]));
    }

    [Fact]
    public async Task Skills_NextMonth_AddsASecondAssessmentThatProgressCompares()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("skills 2 2 2 2 2");
        harness.Clock.Advance(TimeSpan.FromDays(10));

        await harness.SendAsync("skills 3 2 2 2 2");
        var progress = Assert.Single(await harness.SendAsync("progress"));

        Assert.Equal(2, (await SavedAsync(harness)).Count);
        Assert.Contains("(was 2, +1)", progress.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("skills 3 2 4 3")]
    [InlineData("skills 3 2 4 3 2 1")]
    public async Task Skills_WrongNumberOfLevels_ExplainsTheOrderAndSavesNothing(string text)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync(text));

        Assert.True(reply.IsError);
        Assert.Contains("exactly 5 levels", reply.Text, StringComparison.Ordinal);
        Assert.Contains(CoachHarness.Content.For("en").Skills[0].Title, reply.Text, StringComparison.Ordinal);
        Assert.Empty(await SavedAsync(harness));
    }

    [Theory]
    [InlineData("skills 3 2 6 3 2", "6")]
    [InlineData("skills 3 0 4 3 2", "0")]
    [InlineData("skills 3 2 x 3 2", "x")]
    [InlineData("skills 3 2 2.5 3 2", "2.5")]
    public async Task Skills_LevelOutside1To5_NamesItAndSavesNothing(string text, string bad)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync(text));

        Assert.True(reply.IsError);
        Assert.Contains($"\"{bad}\" is not a level", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await SavedAsync(harness));
    }

    [Fact]
    public async Task Skills_FullWidthDigits_AreAccepted()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        await harness.SendAsync("skills ３ ２ ４ ３ ２");

        var saved = Assert.Single(await SavedAsync(harness));
        Assert.Equal([3, 2, 4, 3, 2], SkillIds.Select(id => saved.Scores[id]));
    }

    [Fact]
    public async Task SkillsForm_Submitted_Saves()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        await harness.PressAsync(SkillsHandler.SaveAction, SkillIds.ToDictionary(id => id, _ => "4"));

        Assert.All(Assert.Single(await SavedAsync(harness)).Scores.Values, v => Assert.Equal(4, v));
    }

    [Fact]
    public async Task SkillsForm_MissingSkill_NamesItAndSavesNothing()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var values = SkillIds.Skip(1).ToDictionary(id => id, _ => "3");

        var reply = Assert.Single(await harness.PressAsync(SkillsHandler.SaveAction, values));

        Assert.True(reply.IsError);
        Assert.Equal($"Please choose a level for: {CoachHarness.Content.For("en").Skills[0].Title}. Nothing was saved.", reply.Text);
        Assert.Null(reply.Form);
        Assert.Empty(reply.Sections);
        Assert.Equal(["skills"], reply.Buttons.Select(b => b.Values["text"]));
        Assert.Equal(SkillIds[0], reply.ErrorInputId);
        Assert.Empty(await SavedAsync(harness));
    }

    [Fact]
    public async Task SkillsForm_TwoSkillsMissing_ErrorIsAboutNoSingleInput()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var values = SkillIds.Skip(2).ToDictionary(id => id, _ => "3");
        values[SkillIds[1]] = string.Empty;

        var reply = Assert.Single(await harness.PressAsync(SkillsHandler.SaveAction, values));

        Assert.True(reply.IsError);
        Assert.Null(reply.ErrorInputId);
        Assert.Contains(CoachHarness.Content.For("en").Skills[1].Title, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkillsForm_ValueOutOfRange_SavesNothing()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var values = SkillIds.ToDictionary(id => id, id => id == "people" ? "9" : "3");

        var reply = Assert.Single(await harness.PressAsync(SkillsHandler.SaveAction, values));

        Assert.True(reply.IsError);
        Assert.Equal("people", reply.ErrorInputId);
        Assert.Empty(await SavedAsync(harness));
    }

    [Fact]
    public async Task Skills_AfterSaving_FormIsPrefilledWithThisMonthsLevels()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("skills 3 2 4 3 2");

        var reply = Assert.Single(await harness.SendAsync("skills"));

        Assert.Equal(["3", "2", "4", "3", "2"], reply.Form!.Inputs.Select(i => i.InitialValue));
    }
}
