using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;

namespace CoachBot.Core.Tests.Home;

public sealed class HomeHandlerTests
{
    [Fact]
    public async Task HomeVerb_ReturnsTheSameDashboard()
    {
        var harness = new CoachHarness();
        await HomeFixture.ActiveUsersAsync(harness);

        var typed = Assert.Single(await harness.SendAsync("home", "alice"));
        var built = await HomeFixture.Dashboard(harness).BuildAsync(CoachHarness.User("alice"), CancellationToken.None);

        Assert.Equal(built.Text, typed.Text);
        Assert.Equal(built.Sections.Select(s => (s.Title, s.Body, s.Image?.Url)), typed.Sections.Select(s => (s.Title, s.Body, s.Image?.Url)));
        Assert.Equal(built.Buttons.Select(b => (b.Label, b.ActionId)), typed.Buttons.Select(b => (b.Label, b.ActionId)));
    }

    [Fact]
    public async Task HomeButton_WorksLikeTypingHome()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.PressAsync(ReplyButton.Command("Home", "home")));

        Assert.Contains(reply.Buttons, b => b.ActionId == HabitHandler.DoneAction);
        Assert.Contains(reply.Buttons, b => b.Values.GetValueOrDefault(CommandActions.TextValue) == "settings");
    }

    [Fact]
    public async Task HomeVerb_ForSomeoneNew_GivesTheHello_AndSavesNothing()
    {
        var harness = new CoachHarness();

        var replies = await harness.SendAsync("home", "newbie");

        Assert.Contains("Get started", replies[0].Text, StringComparison.Ordinal);
        Assert.Null(await harness.Users.GetAsync(CoachHarness.User("newbie"), CancellationToken.None));
    }
}
