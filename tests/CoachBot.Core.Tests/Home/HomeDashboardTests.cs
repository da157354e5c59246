using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;
using Moq;

namespace CoachBot.Core.Tests.Home;

public sealed class HomeDashboardTests
{
    private static readonly string[] StepActions =
        [HabitHandler.DoneAction, HabitHandler.SkipAction, HabitHandler.SnoozeAction, HabitHandler.AnotherAction];

    [Fact]
    public async Task ActiveUser_SeesStreakStepMeetingItemsChartAndButtons()
    {
        var harness = new CoachHarness();
        await HomeFixture.ActiveUsersAsync(harness);

        var home = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);

        var top = HomeFixture.Section(home, "Your CoachBot home");
        Assert.Equal(["Streak: 3 working days in a row", "Best streak: 5 working days"], top.Fields.Select(f => $"{f.Label}: {f.Value}"));
        Assert.StartsWith("Today's step: ", HomeFixture.Section(home, "Today's step").Title, StringComparison.Ordinal);

        var meeting = HomeFixture.Section(home, "Next 1-on-1").Body!;
        Assert.Contains("With @bob, Tue 2026-12-01 10:00 (Asia/Tokyo)", meeting, StringComparison.Ordinal);
        Assert.Contains("5 open action items, 1 talking point", meeting, StringComparison.Ordinal);

        var items = HomeFixture.Section(home, "Your open action items (4)").Body!;
        Assert.Equal(
            ["• #2 book the offsite (with @bob, due 2026-11-30)", "• #1 write the hiring plan (with @bob, due 2026-12-03)", "• #3 review the budget (with @bob)", "…and 1 more; 1on1 agenda @person lists them all."],
            items.Split('\n').Take(4));
        Assert.DoesNotContain("promo case", items, StringComparison.Ordinal);

        Assert.Equal("https://charts.test/alice/en.png", Assert.Single(home.Sections, s => s.Image is not null).Image!.Url);
        var pairing = Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), CancellationToken.None));
        var done = OneOnOneHandler.FormAction(OneOnOneHandler.DoneAction, pairing);
        Assert.Equal([.. StepActions, CommandActions.RunCommand, done, done, done, CommandActions.RunCommand, CommandActions.RunCommand, CommandActions.RunCommand], home.Buttons.Select(b => b.ActionId));

        // Alice meets Bob for 1-on-1s, so she leads a team (of one: no figures, a line saying why and a way in).
        Assert.Contains("your team has 1", HomeFixture.Section(home, "Your team's health").Body, StringComparison.Ordinal);
        Assert.Equal(["1on1 agenda @bob", "team health", "settings", "help"], home.Buttons.Where(b => b.ActionId == CommandActions.RunCommand).Select(b => b.Values[CommandActions.TextValue]));

        // A Done button for each item listed, in the same order, and none for the items only counted.
        Assert.Equal([("Done #2", "2"), ("Done #1", "1"), ("Done #3", "3")],
            home.Buttons.Where(b => b.ActionId == done).Select(b => (b.Label, b.Values[OneOnOneHandler.NumberValue])));

        // The text alone says it all.
        foreach (var part in new[] { "3 working days in a row", "Best streak: 5", "Today's step", "Tue 2026-12-01 10:00 (Asia/Tokyo)", "#2 book the offsite", "…and 1 more" })
        {
            Assert.Contains(part, home.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NextMeeting_IsShownInTheReadersOwnTimeZone()
    {
        var harness = new CoachHarness();
        await HomeFixture.ActiveUsersAsync(harness);

        var home = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("bob"), CancellationToken.None);

        Assert.Contains("With @alice, Mon 2026-11-30 17:00 (America/Los_Angeles)", HomeFixture.Section(home, "Next 1-on-1").Body, StringComparison.Ordinal);
        var items = HomeFixture.Section(home, "Your open action items (1)").Body!;
        Assert.StartsWith("• #5 draft the promo case (with @alice)", items, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralPairings_ShowsTheSoonestMeeting()
    {
        var harness = new CoachHarness();
        await HomeFixture.ActiveUsersAsync(harness);
        await harness.OnboardAsync("carol", timeZone: "Asia/Tokyo");
        await harness.SendAsync("1on1 setup @carol weekly fri 09:00", "alice");
        await harness.SendAsync("1on1 accept", "carol");

        var home = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);

        Assert.Contains("With @carol, Fri 2026-11-27 09:00 (Asia/Tokyo)", HomeFixture.Section(home, "Next 1-on-1").Body, StringComparison.Ordinal);
        Assert.Contains(home.Buttons, b => b.Values.GetValueOrDefault(CommandActions.TextValue) == "1on1 agenda @carol");
    }

    [Fact]
    public async Task BrandNewUser_GetsAHelloWithAStartButton_AndNothingIsSaved()
    {
        var harness = new CoachHarness();

        var home = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("newbie"), CancellationToken.None);

        Assert.Contains("Say hello, or press Get started", home.Text, StringComparison.Ordinal);
        var start = home.Buttons[0];
        Assert.Equal(("Get started", "start"), (start.Label, start.Values[CommandActions.TextValue]));
        Assert.Null(await harness.Users.GetAsync(CoachHarness.User("newbie"), CancellationToken.None));
    }

    [Fact]
    public async Task BrandNewUser_WithAJapaneseLocale_GetsTheHelloInJapanese()
    {
        var harness = new CoachHarness();

        var home = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("newbie"), "ja-JP", CancellationToken.None);

        Assert.Contains("CoachBot です", home.Text, StringComparison.Ordinal);
        Assert.Equal("はじめる", home.Buttons[0].Label);
    }

    [Fact]
    public async Task UnfinishedSetup_OffersToContinueIt()
    {
        var harness = new CoachHarness();
        await harness.SendAsync("start");

        var home = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);

        Assert.Contains("setup isn't finished", home.Text, StringComparison.Ordinal);
        Assert.Equal(("Continue setup", "start"), (home.Buttons[0].Label, home.Buttons[0].Values[CommandActions.TextValue]));
        Assert.DoesNotContain(home.Buttons, b => b.ActionId == HabitHandler.DoneAction);
    }

    [Fact]
    public async Task NoPairing_SaysHowToSetOneUp_AndOmitsTheItems()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var home = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);

        Assert.Contains("type 1on1 setup @person weekly tue 15:00", HomeFixture.Section(home, "Next 1-on-1").Body, StringComparison.Ordinal);
        Assert.DoesNotContain(home.Sections, s => s.Title?.StartsWith("Your open action items", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(home.Buttons, b => b.Values.GetValueOrDefault(CommandActions.TextValue)?.StartsWith("1on1", StringComparison.Ordinal) == true);
        Assert.Contains("Streak: 0 working days in a row", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_IsShownWhenALinkCanBeMade_IncludingAPathOnThisHostAsInThePlayground()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var relative = new Mock<IProgressChartLinks>();
        relative.Setup(l => l.CreateUrl(It.IsAny<UserRef>(), It.IsAny<string>())).Returns("/charts/progress/abc.png");
        var unusable = new Mock<IProgressChartLinks>();
        unusable.Setup(l => l.CreateUrl(It.IsAny<UserRef>(), It.IsAny<string>())).Returns("javascript:alert(1)");

        var withLinks = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);
        var withoutLinks = await HomeFixture.Dashboard(harness, charts: []).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);
        var withRelativeLinks = await HomeFixture.Dashboard(harness, charts: [relative.Object]).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);
        var withUnusableLinks = await HomeFixture.Dashboard(harness, charts: [unusable.Object]).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);

        var image = Assert.Single(withLinks.Sections, s => s.Image is not null).Image!;
        Assert.Equal("https://charts.test/alice/en.png", image.Url);
        Assert.False(string.IsNullOrWhiteSpace(image.AltText));
        Assert.DoesNotContain(withoutLinks.Sections, s => s.Image is not null);

        // The playground has no public base URL: its chart is a path, shown as `progress` shows it (Slack and Teams
        // renderers leave paths out themselves).
        Assert.Equal("/charts/progress/abc.png", Assert.Single(withRelativeLinks.Sections, s => s.Image is not null).Image!.Url);
        Assert.DoesNotContain(withUnusableLinks.Sections, s => s.Image is not null);
    }

    [Fact]
    public async Task DoneButtonOnTheHome_ClosesTheItemAndTheNextHomeNoLongerListsIt()
    {
        var harness = new CoachHarness();
        await HomeFixture.ActiveUsersAsync(harness);
        var home = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);
        var first = home.Buttons.First(b => b.ActionId.StartsWith(OneOnOneHandler.DoneAction + ":", StringComparison.Ordinal));

        var reply = Assert.Single(await harness.PressAsync(first, "alice"));

        Assert.Equal("Done: #2 book the offsite", reply.Text);
        var after = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);
        Assert.DoesNotContain("book the offsite", after.Text, StringComparison.Ordinal);
        Assert.Equal(["Done #1", "Done #3", "Done #4"], after.Buttons.Where(b => b.ActionId == first.ActionId).Select(b => b.Label));
        Assert.Contains("Your open action items (3)", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepButtons_AreTodaysButtons_AndDoneRecordsTheStepShown()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var home = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);
        var today = Assert.Single(await harness.SendAsync("today"));

        var homeStepButtons = home.Buttons.Where(b => StepActions.Contains(b.ActionId)).ToList();
        Assert.Equal(today.Buttons.Select(b => (b.Label, b.ActionId, b.Values["step"], b.Style)), homeStepButtons.Select(b => (b.Label, b.ActionId, b.Values["step"], b.Style)));
        Assert.Equal(today.Sections[0].Title, HomeFixture.Section(home, "Today's step").Title);

        await harness.PressAsync(homeStepButtons[0]);
        Assert.Equal(homeStepButtons[0].Values["step"], Assert.Single(await harness.PracticeAsync()).StepId);
    }

    [Fact]
    public async Task StepDoneToday_SaysSo_AndOffersNoStepButtons()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("done");

        var home = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);

        Assert.Contains("Done for today", HomeFixture.Section(home, "Today's step").Body, StringComparison.Ordinal);
        Assert.DoesNotContain(home.Buttons, b => StepActions.Contains(b.ActionId));
        Assert.Contains("Streak: 1 working day in a row", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkippedToday_SaysSo_AndKeepsTheStep()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var today = Assert.Single(await harness.SendAsync("today"));
        await harness.PressAsync(Assert.Single(today.Buttons, b => b.ActionId == HabitHandler.SkipAction));

        var home = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);

        Assert.Contains("You skipped today", HomeFixture.Section(home, "Today's step").Body, StringComparison.Ordinal);
        Assert.Contains("You skipped today", home.Text, StringComparison.Ordinal);
        Assert.Equal(today.Sections[0].Title, HomeFixture.Section(home, "Today's step").Title);
    }

    [Fact]
    public async Task BuildingTheDashboard_DoesNotChangeTheProfile()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        var before = await harness.ProfileAsync();

        await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);

        Assert.Equal(before.Version, (await harness.ProfileAsync()).Version);
    }

    [Fact]
    public async Task JapaneseProfile_GetsJapaneseStrings()
    {
        var harness = new CoachHarness();
        await HomeFixture.ActiveUsersAsync(harness);
        await harness.SendAsync("settings language ja", "alice");

        var home = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);

        Assert.Equal(["連続記録: 3 勤務日連続", "最長記録: 5 勤務日"], HomeFixture.Section(home, "CoachBot ホーム").Fields.Select(f => $"{f.Label}: {f.Value}"));
        Assert.Contains("@bob さんと、", HomeFixture.Section(home, "次の 1on1").Body, StringComparison.Ordinal);
        Assert.Equal("未完了のアクションアイテム（4 件）", home.Sections.Single(s => s.Title?.StartsWith("未完了", StringComparison.Ordinal) == true).Title);
        Assert.Equal(["完了", "設定", "ヘルプ"], home.Buttons.Where(b => b.ActionId == HabitHandler.DoneAction || b.ActionId == CommandActions.RunCommand)
            .Where(b => b.Values.GetValueOrDefault(CommandActions.TextValue) is null or "settings" or "help").Select(b => b.Label));
        Assert.Equal("https://charts.test/alice/ja.png", Assert.Single(home.Sections, s => s.Image is not null).Image!.Url);
        Assert.Equal(["#2 を完了", "#1 を完了", "#3 を完了"], home.Buttons.Where(b => b.ActionId.StartsWith(OneOnOneHandler.DoneAction + ":", StringComparison.Ordinal)).Select(b => b.Label));
        Assert.Contains("「完了」ボタン", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreUnavailable_Propagates()
    {
        var harness = new CoachHarness();
        var users = new Mock<IUserStore>();
        users.Setup(u => u.GetAsync(It.IsAny<UserRef>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StoreUnavailableException("down"));

        await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            HomeFixture.Dashboard(harness, users: users.Object).BuildAsync(CoachHarness.User("alice"), CancellationToken.None));
    }
}
