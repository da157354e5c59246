using CoachBot.Core.Conversation;
using CoachBot.Core.OneOnOnes;

namespace CoachBot.Core.Tests.OneOnOnes;

/// <summary>The Done button of an action item, and history that lists only the meetings that took place.</summary>
public sealed class OneOnOneDoneAndHistoryTests
{
    private const string Stale = "I can't find that action item in your 1-on-1s";

    [Fact]
    public async Task DoneButton_PressedByThePersonWhoIsNotTheOwner_ClosesItAndASecondPressChangesNothing()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("1on1 action @bob book the venue owner @bob", "alice");
        var button = Assert.Single(Assert.Single(await harness.SendAsync("1on1 agenda", "alice")).Buttons, IsDone);

        var first = Assert.Single(await harness.PressAsync(button, "alice"));
        var closed = await ItemAsync(harness);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = Assert.Single(await harness.PressAsync(button, "bob"));

        Assert.Equal("Done: #1 book the venue", first.Text);
        Assert.Equal(harness.Clock.GetUtcNow() - TimeSpan.FromMinutes(5), closed.DoneAt);
        Assert.False(second.IsError);
        Assert.Equal("#1 book the venue was already marked done. Nothing changed.", second.Text);
        Assert.Equal(closed.DoneAt, (await ItemAsync(harness)).DoneAt);
        Assert.DoesNotContain(Assert.Single(await harness.SendAsync("1on1 agenda", "bob")).Buttons, IsDone);
    }

    [Fact]
    public async Task DoneButton_FromSomeoneOutsideThePairing_IsRefusedLikeAnItemThatDoesNotExist()
    {
        var harness = await ActivePairAsync();
        await harness.OnboardAsync("carol");
        await harness.SendAsync("1on1 action @bob book the venue", "alice");
        var button = Assert.Single(Assert.Single(await harness.SendAsync("1on1 agenda", "alice")).Buttons, IsDone);

        var refused = Assert.Single(await harness.PressAsync(button, "carol"));
        var missing = Assert.Single(await harness.PressAsync(button.ActionId, Number("9"), "alice"));

        Assert.True(refused.IsError);
        Assert.StartsWith(Stale, refused.Text, StringComparison.Ordinal);
        Assert.Equal(missing.Text, refused.Text);
        Assert.DoesNotContain("book the venue", refused.Text, StringComparison.Ordinal);
        Assert.True((await ItemAsync(harness)).IsOpen);
    }

    [Theory]
    [InlineData("1on1.done:no-such-pairing", "1")]
    [InlineData("1on1.done", "1")]
    [InlineData("1on1.done:{pairing}", "0")]
    [InlineData("1on1.done:{pairing}", "-1")]
    [InlineData("1on1.done:{pairing}", "one")]
    [InlineData("1on1.done:{pairing}", "")]
    public async Task DoneButton_StaleOrForgedIds_GetAClearMessageAndChangeNothing(string actionId, string number)
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("1on1 action @bob book the venue", "alice");
        var pairing = await PairingAsync(harness);

        var reply = Assert.Single(await harness.PressAsync(actionId.Replace("{pairing}", pairing.Id, StringComparison.Ordinal), Number(number), "alice"));

        Assert.True(reply.IsError);
        Assert.Contains("the button may be from an old message", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing changed.", reply.Text, StringComparison.Ordinal);
        Assert.True((await ItemAsync(harness)).IsOpen);
    }

    [Fact]
    public async Task History_ListsOnlyMeetingsWithNotesItemsOrAConfirmation()
    {
        var harness = await ActivePairAsync();
        var pairing = await PairingAsync(harness);
        Assert.Equal(
            "No meetings yet. A meeting shows here once it has a note or an action item, or one of you confirms it took place (the We met button after the meeting).",
            Assert.Single(await harness.SendAsync("1on1 history @alice", "bob")).Sections[0].Body);

        // Meeting of 2026-12-01 (Tokyo): a shared note. 2026-12-08: nothing. 2026-12-15: confirmed by the follow-up.
        harness.Clock.Advance(TimeSpan.FromDays(8));
        await harness.SendAsync("1on1 note @alice we agreed on the plan", "bob");
        harness.Clock.Advance(TimeSpan.FromDays(14));
        var followUp = await harness.Reminders.BuildFollowUpAsync(pairing, CoachHarness.User("alice"), CancellationToken.None);
        var held = Assert.Single(followUp!.Buttons, b => b.ActionId.StartsWith(OneOnOneHandler.HeldAction + ":", StringComparison.Ordinal));
        var confirmed = Assert.Single(await harness.PressAsync(held, "alice"));

        var history = Assert.Single(await harness.SendAsync("1on1 history @alice", "bob"));

        Assert.Equal("Noted: your 1-on-1 with @bob on 2026-12-15 took place. It now shows in 1on1 history.", confirmed.Text);
        Assert.Equal(["Past 1-on-1s with @alice", "Meeting of 2026-12-15", "Meeting of 2026-12-01"], history.Sections.Select(s => s.Title));
        Assert.Equal("Took place; nothing was written down.", history.Sections[1].Body);
        Assert.Equal("• note by @bob: we agreed on the plan", history.Sections[2].Body);
        Assert.DoesNotContain("2026-12-08", history.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ActionItemsShowOwnerDueDateAndState()
    {
        var harness = await ActivePairAsync();
        harness.Clock.Advance(TimeSpan.FromDays(8));
        await harness.SendAsync("1on1 action @bob book the venue owner @bob due 2026-12-10", "alice");
        await harness.SendAsync("1on1 action @bob send the notes", "alice");
        await harness.SendAsync("1on1 done 2", "alice");

        var history = Assert.Single(await harness.SendAsync("1on1 history @bob", "alice"));

        Assert.Equal("Meeting of 2026-12-01", history.Sections[1].Title);
        Assert.Equal(
            ["• #1 book the venue (owner @bob, due 2026-12-10, open)", "• #2 send the notes (owner @alice, no due date, done)"],
            history.Sections[1].Body!.Split('\n'));
    }

    [Fact]
    public async Task History_TheOtherPersonsPrivateNoteAlone_DoesNotMakeAMeetingAppear()
    {
        var harness = await ActivePairAsync();
        harness.Clock.Advance(TimeSpan.FromDays(8));
        await harness.SendAsync("1on1 note @bob private worried about the deadline", "alice");

        var reportHistory = Assert.Single(await harness.SendAsync("1on1 history @alice", "bob"));
        var managerHistory = Assert.Single(await harness.SendAsync("1on1 history @bob", "alice"));

        Assert.Single(reportHistory.Sections);
        Assert.DoesNotContain("2026-12-01", reportHistory.Text, StringComparison.Ordinal);
        Assert.Equal(("Meeting of 2026-12-01", "• your private note: worried about the deadline"), (managerHistory.Sections[1].Title, managerHistory.Sections[1].Body));
    }

    [Fact]
    public async Task History_AnItemWrittenBeforeTheFirstMeeting_AppearsOnlyOnceThatMeetingHasStarted()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("1on1 action @bob prepare the goals", "alice");

        var before = Assert.Single(await harness.SendAsync("1on1 history @bob", "alice"));
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        var after = Assert.Single(await harness.SendAsync("1on1 history @bob", "alice"));

        Assert.Single(before.Sections);
        Assert.Equal(("Meeting of 2026-12-01", "• #1 prepare the goals (owner @alice, no due date, open)"), (after.Sections[1].Title, after.Sections[1].Body));
    }

    [Theory]
    [InlineData("2026-12-29", "alice")]
    [InlineData("not a date", "alice")]
    [InlineData("2026-12-15", "carol")]
    [InlineData("2026-12-10", "alice")]
    [InlineData("2026-12-09", "bob")]
    public async Task HeldButton_ForAMeetingNotStartedYetOrFromSomeoneElse_IsRefusedAndRecordsNothing(string date, string presser)
    {
        var harness = await ActivePairAsync();
        await harness.OnboardAsync("carol");
        var pairing = await PairingAsync(harness);
        harness.Clock.Advance(TimeSpan.FromDays(22));

        var reply = Assert.Single(await harness.PressAsync(
            OneOnOneHandler.FormAction(OneOnOneHandler.HeldAction, pairing), new Dictionary<string, string> { [OneOnOneHandler.DateValue] = date }, presser));

        Assert.True(reply.IsError);
        Assert.StartsWith("I can't find that meeting in your 1-on-1s", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await harness.OneOnOnes.ListHeldAsync(pairing.Id, CancellationToken.None));
    }

    private static bool IsDone(ReplyButton button) => button.ActionId.StartsWith(OneOnOneHandler.DoneAction + ":", StringComparison.Ordinal);

    private static Dictionary<string, string> Number(string number) => new() { [OneOnOneHandler.NumberValue] = number };

    private static async Task<CoachHarness> ActivePairAsync()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync("alice", timeZone: "Asia/Tokyo");
        await harness.OnboardAsync("bob", timeZone: "America/Los_Angeles");
        await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice");
        await harness.SendAsync("1on1 accept @alice", "bob");
        return harness;
    }

    private static async Task<Pairing> PairingAsync(CoachHarness harness) =>
        Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), CancellationToken.None));

    private static async Task<ActionItem> ItemAsync(CoachHarness harness) =>
        Assert.Single(await harness.OneOnOnes.ListActionItemsAsync((await PairingAsync(harness)).Id, CancellationToken.None));
}
