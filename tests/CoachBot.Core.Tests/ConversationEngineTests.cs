using CoachBot.Core.Conversation;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;
using CoachBot.Testing.Fakes;
using Moq;

namespace CoachBot.Core.Tests;

public sealed class ConversationEngineTests
{
    [Fact]
    public async Task FirstMessage_StartsOnboarding_WithRoleButtons()
    {
        var harness = new CoachHarness();

        var reply = Assert.Single(await harness.SendAsync("hi", timeZone: "Europe/London"));

        Assert.Contains("CoachBot", reply.Text, StringComparison.Ordinal);
        Assert.Equal(5, reply.Buttons.Count);
        Assert.All(reply.Buttons, b => Assert.Equal("onboarding.role", b.ActionId));
        var profile = await harness.ProfileAsync();
        Assert.Equal(OnboardingStep.Role, profile.Onboarding);
        Assert.Equal("Europe/London", profile.TimeZoneId);
    }

    [Fact]
    public async Task Onboarding_ByButtons_StoresEveryAnswerAndCompletes()
    {
        var harness = new CoachHarness();

        await harness.OnboardAsync(role: "manager", path: "job_change");

        var profile = await harness.ProfileAsync();
        Assert.Equal(("manager", "job_change", new TimeOnly(9, 0), OnboardingStep.Complete), (profile.Role, profile.CareerPath, profile.NudgeTime, profile.Onboarding));
        Assert.Equal(UserProfile.DefaultWorkingDays, profile.WorkingDays);
    }

    [Fact]
    public async Task Onboarding_ByTyping_AcceptsNumbersNamesTimesAndDays()
    {
        var harness = new CoachHarness();
        await harness.SendAsync("start");

        await harness.SendAsync("2");
        await harness.SendAsync("founding");
        await harness.SendAsync("7:45");
        var last = Assert.Single(await harness.SendAsync("sun-thu"));

        var profile = await harness.ProfileAsync();
        Assert.Equal(("senior", "founding", new TimeOnly(7, 45)), (profile.Role, profile.CareerPath, profile.NudgeTime));
        Assert.Equal(5, profile.WorkingDays.Count);
        Assert.Contains(DayOfWeek.Sunday, profile.WorkingDays);
        Assert.Equal(OnboardingStep.Complete, profile.Onboarding);
        Assert.Contains(last.Buttons, b => b.Values.GetValueOrDefault(CommandActions.TextValue) == "today");
    }

    [Fact]
    public async Task Onboarding_BadTime_SaysWhatToTypeAndStaysOnTheQuestion()
    {
        var harness = new CoachHarness();
        await harness.SendAsync("start");
        await harness.SendAsync("1");
        await harness.SendAsync("1");

        var reply = Assert.Single(await harness.SendAsync("lunchtime"));

        Assert.True(reply.IsError);
        Assert.Contains("HH:mm", reply.Text, StringComparison.Ordinal);
        Assert.NotEmpty(reply.Buttons);
        Assert.Equal(OnboardingStep.NudgeTime, (await harness.ProfileAsync()).Onboarding);
    }

    [Fact]
    public async Task Today_ShowsOneStepWithHabitButtons_StableForTheDay()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var first = Assert.Single(await harness.SendAsync("today"));
        var second = Assert.Single(await harness.SendAsync("today"));

        Assert.Equal(["habit.done", "habit.skip", "habit.snooze", "habit.another"], first.Buttons.Select(b => b.ActionId));
        Assert.Equal(first.Text, second.Text);
        var stepId = first.Buttons[0].Values["step"];
        Assert.NotNull(CoachHarness.Content.For("en").FindStep(stepId));
    }

    [Fact]
    public async Task AnotherOne_ChoosesADifferentStep()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var first = Assert.Single(await harness.SendAsync("today"));

        var other = Assert.Single(await harness.PressAsync(first.Buttons.Single(b => b.ActionId == "habit.another")));

        Assert.NotEqual(first.Buttons[0].Values["step"], other.Buttons[0].Values["step"]);
        Assert.Equal(other.Buttons[0].Values["step"], (await harness.ProfileAsync()).TodayStepId);
    }

    [Fact]
    public async Task Done_WithNote_RecordsTodaysStepOnTheUsersLocalDate()
    {
        // 15:30 UTC on 24 Nov is 00:30 on 25 Nov in Tokyo: the practice belongs to the user's 25th.
        var harness = new CoachHarness(new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.Zero));
        await harness.OnboardAsync(timeZone: "Asia/Tokyo");
        var today = Assert.Single(await harness.SendAsync("today", timeZone: "Asia/Tokyo"));

        var reply = Assert.Single(await harness.SendAsync("done Ran the retro; people spoke up", timeZone: "Asia/Tokyo"));

        var entry = Assert.Single((await harness.PracticeAsync()));
        Assert.Equal(new DateOnly(2026, 11, 25), entry.LocalDate);
        Assert.Equal(today.Buttons[0].Values["step"], entry.StepId);
        Assert.Equal("Ran the retro; people spoke up", entry.Note);
        Assert.Contains("Ran the retro", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_SameMessageTwice_RecordsOnce()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        await harness.SendAsync("done", turnId: "evt-1");
        var again = Assert.Single(await harness.SendAsync("done", turnId: "evt-1"));

        Assert.Single((await harness.PracticeAsync()));
        Assert.Contains("already", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_ActionAndNote_RecordsThatAction()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        await harness.SendAsync("log recruiting Sat in on a backend interview");
        await harness.SendAsync("log 4 Learned what CAC means");

        Assert.Equal(["recruiting", "business"], (await harness.PracticeAsync()).Select(e => e.ActionId));
        Assert.Equal("Sat in on a backend interview", (await harness.PracticeAsync())[0].Note);
        Assert.Null((await harness.PracticeAsync())[0].StepId);
    }

    [Fact]
    public async Task Log_UnknownAction_ListsTheActionsAndStoresNothing()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("log cooking made soup"));

        Assert.True(reply.IsError);
        Assert.Contains("market_value", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(reply.Form);
        Assert.Empty((await harness.PracticeAsync()));
    }

    [Fact]
    public async Task Log_Form_RecordsChosenAction()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var form = Assert.Single(await harness.SendAsync("log")).Form!;

        await harness.PressAsync(form.SubmitActionId, new Dictionary<string, string> { ["action"] = "cross_team", ["note"] = "Explained caching to sales" });

        Assert.Equal("cross_team", Assert.Single((await harness.PracticeAsync())).ActionId);
    }

    [Fact]
    public async Task Settings_LanguageJa_RepliesInJapaneseFromThenOn()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var saved = Assert.Single(await harness.SendAsync("settings language ja"));
        var help = Assert.Single(await harness.SendAsync("help"));

        Assert.Contains("保存しました", saved.Text, StringComparison.Ordinal);
        Assert.Contains("できること", help.Text, StringComparison.Ordinal);
        Assert.Equal("ja", (await harness.ProfileAsync()).Language);
    }

    [Fact]
    public async Task Settings_FormWithOneBadValue_SavesNothing()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var before = await harness.ProfileAsync();

        var reply = Assert.Single(await harness.PressAsync("settings.save", new Dictionary<string, string>
        {
            ["time_zone"] = "Mars/Olympus",
            ["nudge_time"] = "07:00",
            ["working_days"] = "mon,tue",
            ["language"] = "en",
        }));

        Assert.True(reply.IsError);
        Assert.Contains("Mars/Olympus", reply.Text, StringComparison.Ordinal);
        Assert.Contains("IANA", reply.Text, StringComparison.Ordinal);
        var after = await harness.ProfileAsync();
        Assert.Equal((before.TimeZoneId, before.NudgeTime, before.WorkingDays.Count), (after.TimeZoneId, after.NudgeTime, after.WorkingDays.Count));
    }

    [Fact]
    public async Task Settings_TimeZoneChosen_IsNotOverwrittenByChannelHints()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(timeZone: "Europe/London");

        await harness.SendAsync("settings timezone asia/kolkata", timeZone: "Europe/London");
        await harness.SendAsync("today", timeZone: "Europe/London");

        Assert.Equal("Asia/Kolkata", (await harness.ProfileAsync()).TimeZoneId);
    }

    [Fact]
    public async Task Settings_ShowsAFormWithEverySetting()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("settings"));

        Assert.Equal(
            ["time_zone", "nudge_time", "working_days", "language", "quiet_start", "quiet_end", "pause_until", "holidays", "nudges", "channel", "role", "path"],
            reply.Form!.Inputs.Select(i => i.Id));
        Assert.Equal("mon,tue,wed,thu,fri", reply.Form.Inputs[2].InitialValue);
    }

    [Fact]
    public async Task TooLongMessage_IsRefusedAndNothingIsStored()
    {
        var harness = new CoachHarness();

        var reply = Assert.Single(await harness.SendAsync(new string('x', 20_000)));

        Assert.True(reply.IsError);
        Assert.Contains("20000", reply.Text, StringComparison.Ordinal);
        Assert.Null(await harness.Users.GetAsync(CoachHarness.User(), CancellationToken.None));
    }

    [Fact]
    public async Task ReadOnlyCommand_FromNewUser_LeavesNoProfileBehind()
    {
        var harness = new CoachHarness();

        var replies = await harness.SendAsync("help");

        Assert.Contains("settings", replies[0].Text, StringComparison.Ordinal);
        Assert.Null(await harness.Users.GetAsync(CoachHarness.User(), CancellationToken.None));
    }

    [Fact]
    public async Task EmptyText_FromKnownUser_GivesHelpHint()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("   "));

        Assert.Contains("help", reply.Text, StringComparison.Ordinal);
        Assert.Equal("help", reply.Buttons[0].Values[CommandActions.TextValue]);
    }

    [Fact]
    public async Task UnknownVerb_SuggestsNearestVerbs()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("hlep"));

        Assert.True(reply.IsError);
        Assert.Contains("help", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Buttons, b => b.Values.GetValueOrDefault(CommandActions.TextValue) == "help");
    }

    [Fact]
    public async Task UnknownVerb_AsFirstMessage_SuggestsAndStartsOnboarding()
    {
        var harness = new CoachHarness();

        var replies = await harness.SendAsync("tody");

        Assert.Equal(2, replies.Count);
        Assert.Contains("today", replies[0].Text, StringComparison.Ordinal);
        Assert.All(replies[1].Buttons, b => Assert.Equal("onboarding.role", b.ActionId));
    }

    [Fact]
    public async Task ButtonOfACommand_RunsTheCommand()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.PressAsync(ReplyButton.Command("Help", "help")));

        Assert.Contains("settings", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAction_SaysTheButtonIsStale()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.PressAsync("nope.gone"));

        Assert.True(reply.IsError);
        Assert.Contains("older message", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageDown_GivesAFriendlyReply()
    {
        var users = new Mock<IUserStore>();
        users.Setup(u => u.GetAsync(It.IsAny<UserRef>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StoreUnavailableException("down"));
        var harness = new CoachHarness(users: users.Object);

        var reply = Assert.Single(await harness.SendAsync("help"));

        Assert.True(reply.IsError);
        Assert.Contains("nothing was saved", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentChange_IsRetriedOnFreshData()
    {
        var inner = new InMemoryUserStore();
        var flaky = new Mock<IUserStore>();
        flaky.Setup(u => u.GetAsync(It.IsAny<UserRef>(), It.IsAny<CancellationToken>()))
            .Returns((UserRef u, CancellationToken ct) => inner.GetAsync(u, ct));
        var saves = 0;
        flaky.Setup(u => u.SaveAsync(It.IsAny<UserProfile>(), It.IsAny<CancellationToken>()))
            .Returns((UserProfile p, CancellationToken ct) => Interlocked.Increment(ref saves) == 1
                ? throw new ConcurrencyConflictException("changed")
                : inner.SaveAsync(p, ct));
        var harness = new CoachHarness(users: flaky.Object);

        var reply = Assert.Single(await harness.SendAsync("start"));

        Assert.False(reply.IsError);
        Assert.NotNull(await inner.GetAsync(CoachHarness.User(), CancellationToken.None));
        flaky.Verify(u => u.SaveAsync(It.IsAny<UserProfile>(), It.IsAny<CancellationToken>()), Times.AtLeast(2));
    }
}
