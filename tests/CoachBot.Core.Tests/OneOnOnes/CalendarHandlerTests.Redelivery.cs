using CoachBot.Core.OneOnOnes.Calendar;

namespace CoachBot.Core.Tests.OneOnOnes;

/// <summary>
/// The same <c>1on1 calendar</c> message delivered twice (a Slack retry, a resumed inbox item, a Teams resend) makes
/// one address: the one its first answer showed keeps working. Two messages are two requests.
/// </summary>
public sealed partial class CalendarHandlerTests
{
    [Fact]
    public async Task CalendarReset_SameMessageDeliveredTwice_MakesNoSecondAddressAndTheShownOneKeepsWorking()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("1on1 calendar", "alice", turnId: "Ev01");
        var shown = Token((await harness.SendAsync("1on1 calendar reset", "alice", turnId: "Ev02"))[0].Text);

        var again = Assert.Single(await harness.SendAsync("1on1 calendar reset", "alice", turnId: "Ev02"));

        Assert.False(again.IsError);
        Assert.DoesNotContain(TestCalendarLinks.Base, again.Text, StringComparison.Ordinal);
        Assert.Contains("This message already made your calendar address (2026-11-24)", again.Text, StringComparison.Ordinal);
        Assert.Equal(CoachHarness.User("alice"), await Service(harness).FindAsync(shown, CancellationToken.None));
        Assert.Equal(CalendarFeedTokens.Hash(shown), Assert.Single(harness.CalendarFeeds.Hashes));

        // A new message asking again is a new request: it replaces the address, as the user asked.
        var fresh = Token((await harness.SendAsync("1on1 calendar reset", "alice", turnId: "Ev03"))[0].Text);
        Assert.NotEqual(shown, fresh);
        Assert.Null(await Service(harness).FindAsync(shown, CancellationToken.None));
    }

    [Fact]
    public async Task Calendar_SameMessageDeliveredTwice_KeepsTheFirstAddress_AndAnotherMessageSaysOneExists()
    {
        var harness = await ActivePairAsync();
        var shown = Token((await harness.SendAsync("1on1 calendar", "alice", turnId: "Ev11"))[0].Text);

        var again = Assert.Single(await harness.SendAsync("1on1 calendar", "alice", turnId: "Ev11"));
        var asked = Assert.Single(await harness.SendAsync("1on1 calendar", "alice", turnId: "Ev12"));

        Assert.Contains("This message already made your calendar address", again.Text, StringComparison.Ordinal);
        Assert.Contains("You already have a calendar address", asked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCalendarLinks.Base, again.Text + asked.Text, StringComparison.Ordinal);
        Assert.Equal(CoachHarness.User("alice"), await Service(harness).FindAsync(shown, CancellationToken.None));
        Assert.Single(harness.CalendarFeeds.Hashes);
    }
}
