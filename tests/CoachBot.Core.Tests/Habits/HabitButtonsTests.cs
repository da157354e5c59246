using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;

namespace CoachBot.Core.Tests.Habits;

public sealed class HabitButtonsTests
{
    private static ReplyButton Button(Reply reply, string actionId) => Assert.Single(reply.Buttons, b => b.ActionId == actionId);

    [Fact]
    public async Task Today_OffersDoneSkipSnoozeAndAnotherOne()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("today"));

        Assert.Equal([HabitHandler.DoneAction, HabitHandler.SkipAction, HabitHandler.SnoozeAction, HabitHandler.AnotherAction], reply.Buttons.Select(b => b.ActionId));
        Assert.Equal(["Done", "Skip today", "Snooze 2h", "Another one"], reply.Buttons.Select(b => b.Label));
    }

    [Theory]
    [InlineData("")]
    [InlineData("zzzz")]
    public async Task LogForm_WithoutAKnownAction_PointsAtTheActionInputAndRecordsNothing(string action)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.PressAsync(HabitHandler.LogAction, new Dictionary<string, string> { ["action"] = action, ["note"] = "n" }));

        Assert.True(reply.IsError);
        Assert.Equal("action", reply.ErrorInputId);
        Assert.Contains(reply.Form!.Inputs, i => i.Id == reply.ErrorInputId);
        Assert.Empty(await harness.PracticeAsync());
    }

    [Fact]
    public async Task Skip_MarksTodaySkippedAndDeclinesTheStep()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var today = Assert.Single(await harness.SendAsync("today"));
        var stepId = Button(today, HabitHandler.SkipAction).Values["step"];

        var reply = Assert.Single(await harness.PressAsync(Button(today, HabitHandler.SkipAction)));

        Assert.Contains("won't send you anything more today", reply.Text, StringComparison.Ordinal);
        var profile = await harness.ProfileAsync();
        Assert.True(profile.TodaySkipped);
        Assert.Equal([stepId], profile.TodayDeclined);
        Assert.Empty(await harness.PracticeAsync());
    }

    [Fact]
    public async Task Snooze_SetsSnoozedUntilTwoHoursLater_AndSaysTheLocalTime()
    {
        // 09:00 UTC is 18:00 in Tokyo.
        var harness = new CoachHarness(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await harness.OnboardAsync(timeZone: "Asia/Tokyo");
        var today = Assert.Single(await harness.SendAsync("today"));

        var reply = Assert.Single(await harness.PressAsync(Button(today, HabitHandler.SnoozeAction)));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.Zero), (await harness.ProfileAsync()).SnoozedUntil);
        Assert.Contains("20:00", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tomorrow", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snooze_LateInTheEvening_SaysTomorrow()
    {
        // 14:00 UTC is 23:00 in Tokyo; two hours later is 01:00 the next day.
        var harness = new CoachHarness(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero));
        await harness.OnboardAsync(timeZone: "Asia/Tokyo");

        var reply = Assert.Single(await harness.PressAsync(HabitHandler.SnoozeAction));

        Assert.Contains("01:00 tomorrow", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherOne_RepeatedPresses_OfferADifferentStepEachTime()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var reply = Assert.Single(await harness.SendAsync("today"));
        var seen = new List<string> { Button(reply, HabitHandler.DoneAction).Values["step"] };

        for (var i = 0; i < 6; i++)
        {
            reply = Assert.Single(await harness.PressAsync(Button(reply, HabitHandler.AnotherAction)));
            seen.Add(Button(reply, HabitHandler.DoneAction).Values["step"]);
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        var profile = await harness.ProfileAsync();
        Assert.Equal(seen[..^1], profile.TodayDeclined);
        Assert.Equal(seen[^1], profile.TodayStepId);
    }

    [Fact]
    public async Task AnotherOne_EveryStepDeclined_StartsTheWalkAgain()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var total = CoachHarness.Content.For("en").Actions.Sum(a => a.Steps.Count);
        var reply = Assert.Single(await harness.SendAsync("today"));

        for (var i = 0; i < total + 2; i++)
        {
            reply = Assert.Single(await harness.PressAsync(Button(reply, HabitHandler.AnotherAction)));
        }

        var profile = await harness.ProfileAsync();
        Assert.DoesNotContain(profile.TodayStepId, profile.TodayDeclined);
        Assert.True(profile.TodayDeclined.Count < total);
    }

    [Fact]
    public async Task NewDay_ForgetsYesterdaysDeclinesAndSkip()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var reply = Assert.Single(await harness.SendAsync("today"));
        reply = Assert.Single(await harness.PressAsync(Button(reply, HabitHandler.AnotherAction)));
        await harness.PressAsync(Button(reply, HabitHandler.SkipAction));

        harness.Clock.Advance(TimeSpan.FromDays(1));
        await harness.SendAsync("today");

        var profile = await harness.ProfileAsync();
        Assert.Empty(profile.TodayDeclined);
        Assert.False(profile.TodaySkipped);
        Assert.Equal(DateOnly.FromDateTime(harness.Clock.GetUtcNow().UtcDateTime), profile.TodayDate);
    }

    [Fact]
    public async Task BuildNudge_ReturnsTheStepReplyAndTheProfileToSave_SavesNothing()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var before = await harness.ProfileAsync();
        var service = new DailyStepService(harness.Progress);
        var day = new DateOnly(2026, 11, 24);

        var nudge = await service.BuildNudgeAsync(before, CoachHarness.Content.For("en"), day, CancellationToken.None);

        Assert.Equal(nudge.Step.Id, nudge.Profile.TodayStepId);
        Assert.Equal(day, nudge.Profile.TodayDate);
        Assert.Contains(nudge.Step.Text, nudge.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(4, nudge.Reply.Buttons.Count);
        Assert.Equal(before, await harness.ProfileAsync());
    }

    [Fact]
    public async Task BuildNudge_AfterTodayWasTyped_SendsTheSameStep()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var today = Assert.Single(await harness.SendAsync("today"));
        var service = new DailyStepService(harness.Progress);

        var nudge = await service.BuildNudgeAsync(await harness.ProfileAsync(), CoachHarness.Content.For("en"), new DateOnly(2026, 11, 24), CancellationToken.None);

        Assert.Equal(Button(today, HabitHandler.DoneAction).Values["step"], nudge.Step.Id);
    }

    [Fact]
    public async Task BuildNudge_AvoidsStepsDeclinedToday()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var today = Assert.Single(await harness.SendAsync("today"));
        await harness.PressAsync(Button(today, HabitHandler.SkipAction));
        var declined = Button(today, HabitHandler.SkipAction).Values["step"];
        var profile = (await harness.ProfileAsync()) with { TodayStepId = null };

        var nudge = await new DailyStepService(harness.Progress).BuildNudgeAsync(profile, CoachHarness.Content.For("en"), new DateOnly(2026, 11, 24), CancellationToken.None);

        Assert.NotEqual(declined, nudge.Step.Id);
    }
}
