using CoachBot.Content.Model;
using CoachBot.Content.Selection;

namespace CoachBot.Content.Tests;

public sealed class MicroStepSelectorTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static HabitAction Action(string id, params MicroStep[] steps) => new(id, id, id, steps);

    private static MicroStep Step(string id, string? role = null, string? path = null) =>
        new(id, id.Split('.')[0], id, 10, role is null ? [] : [role], path is null ? [] : [path]);

    private static readonly IReadOnlyList<HabitAction> Actions =
    [
        Action("a", Step("a.1"), Step("a.2")),
        Action("b", Step("b.1"), Step("b.2", role: "manager")),
        Action("c", Step("c.1", path: "founding"), Step("c.2")),
    ];

    [Fact]
    public void Select_LeastRecentlyPractisedAction_First()
    {
        PracticeHistoryItem[] history = [new("a", "a.1", Today.AddDays(-1)), new("b", null, Today.AddDays(-10)), new("c", "c.2", Today.AddDays(-2))];

        var step = MicroStepSelector.Select(Actions, "engineer", "internal", history, Today, []);

        Assert.Equal("b", step.ActionId);
    }

    [Fact]
    public void Select_NeverPractisedAction_BeatsAnyPractisedOne()
    {
        PracticeHistoryItem[] history = [new("a", "a.1", Today.AddDays(-100)), new("b", "b.1", Today.AddDays(-200))];

        var step = MicroStepSelector.Select(Actions, null, null, history, Today, []);

        Assert.Equal("c", step.ActionId);
    }

    [Fact]
    public void Select_RoleAndPathFilters_AreRespected()
    {
        PracticeHistoryItem[] history = [new("a", null, Today), new("c", null, Today)];

        var step = MicroStepSelector.Select(Actions, "engineer", null, history, Today, []);

        Assert.Equal("b.1", step.Id);
    }

    [Fact]
    public void Select_StepPractisedWithinEightWeeks_IsNotRepeatedWhileAlternativesExist()
    {
        PracticeHistoryItem[] history = [new("a", "a.1", Today.AddDays(-50)), new("b", "b.1", Today.AddDays(-1)), new("c", "c.2", Today.AddDays(-1))];

        var step = MicroStepSelector.Select(Actions, "engineer", "internal", history, Today, []);

        Assert.Equal("a.2", step.Id);
    }

    [Fact]
    public void Select_AfterEightWeeks_StepMayReturn()
    {
        PracticeHistoryItem[] history = [new("a", "a.1", Today.AddDays(-56)), new("a", "a.2", Today.AddDays(-56)), new("b", "b.1", Today), new("c", "c.2", Today)];

        var step = MicroStepSelector.Select(Actions, "engineer", "internal", history, Today, []);

        Assert.Equal("a", step.ActionId);
    }

    [Fact]
    public void Select_ExcludedStep_IsNotChosen()
    {
        var first = MicroStepSelector.Select(Actions, null, null, [], Today, []);
        var second = MicroStepSelector.Select(Actions, null, null, [], Today, [first.Id]);

        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void Select_SameInputs_SameStep()
    {
        var one = MicroStepSelector.Select(Actions, "senior", "job_change", [], Today, []);
        var two = MicroStepSelector.Select(Actions, "senior", "job_change", [], Today, []);

        Assert.Equal(one, two);
    }

    [Fact]
    public void Select_DeclinedStepOfAnAction_DoesNotReturnBeforeTheWholePoolWasShown()
    {
        HabitAction[] one = [Action("a", Step("a.1"), Step("a.2"), Step("a.3"), Step("a.4"))];
        var history = new List<PracticeHistoryItem>();
        var shown = new List<string>();
        for (var day = 0; day < 2; day++)
        {
            var date = Today.AddDays(day);
            var declined = MicroStepSelector.Select(one, null, null, history, date, []);
            var practised = MicroStepSelector.Select(one, null, null, history, date, [declined.Id]);
            shown.AddRange([declined.Id, practised.Id]);
            history.Add(new PracticeHistoryItem("a", practised.Id, date));
        }

        Assert.Equal(4, shown.Distinct().Count());
    }

    [Fact]
    public void Select_WalksOnFromTheLastPractisedStep()
    {
        HabitAction[] one = [Action("a", Step("a.1"), Step("a.2"), Step("a.3"), Step("a.4"))];
        PracticeHistoryItem[] history = [new("a", "a.1", Today.AddDays(-3)), new("a", "a.3", Today.AddDays(-1)), new("a", "a.2", Today.AddDays(-2))];

        Assert.Equal("a.4", MicroStepSelector.Select(one, null, null, history, Today, []).Id);
        Assert.Equal("a.4", MicroStepSelector.Select(one, null, null, history, Today, ["a.1"]).Id);
    }

    [Fact]
    public void Select_JobMarketStep_OnlyOnTheJobChangePathEvenWhenEverythingElseIsDeclined()
    {
        HabitAction[] one = [Action("a", Step("a.1"), Step("a.market") with { Audience = ContentVocabulary.AudienceJobChange })];

        foreach (var path in new string?[] { null, "internal", "founding" })
        {
            Assert.Equal("a.1", MicroStepSelector.Select(one, "manager", path, [], Today, ["a.1"]).Id);
        }

        Assert.Equal("a.market", MicroStepSelector.Select(one, "manager", "job_change", [], Today, ["a.1"]).Id);
    }

    [Fact]
    public void Select_UserWhoStoppedPractising_GetsADifferentStepEachDay()
    {
        HabitAction[] one = [Action("a", Step("a.1"), Step("a.2"), Step("a.3"), Step("a.4"), Step("a.5"), Step("a.6"))];
        PracticeHistoryItem[] history = [new("a", "a.1", Today.AddDays(-10))];

        var days = Enumerable.Range(0, 3).Select(d => MicroStepSelector.Select(one, null, null, history, Today.AddDays(d), []).Id).ToList();

        Assert.Equal(3, days.Distinct().Count());
        Assert.Equal("a.2", MicroStepSelector.Select(one, null, null, history, Today.AddDays(-10 + MicroStepSelector.IdleGraceDays), []).Id);
    }
}
