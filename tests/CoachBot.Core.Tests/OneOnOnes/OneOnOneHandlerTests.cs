using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;
using CoachBot.Core.OneOnOnes;

namespace CoachBot.Core.Tests.OneOnOnes;

public sealed class OneOnOneHandlerTests
{
    [Theory]
    [InlineData("1on1 setup @alice weekly tue 15:00", "yourself")]
    [InlineData("1on1 setup @bob weekly tuesdy 15:00", "did you mean tuesday?")]
    [InlineData("1on1 setup @bob weekly tue 24:30", "\"24:30\" isn't a time of day")]
    [InlineData("1on1 setup @bob daily tue 15:00", "\"daily\" isn't a cadence")]
    [InlineData("1on1 setup bob weekly tue 15:00", "1on1 setup @person")]
    public async Task Setup_BadInput_ExplainsAndSavesNothing(string text, string expected)
    {
        var harness = await PairOfUsersAsync();

        var reply = Assert.Single(await harness.SendAsync(text, "alice"));

        Assert.True(reply.IsError);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Empty(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), CancellationToken.None));
        Assert.Empty(harness.Sent.Messages);
    }

    [Fact]
    public async Task Setup_KnownReport_SendsProposalInTheirZoneAndAcceptActivates()
    {
        var harness = await PairOfUsersAsync();

        var reply = Assert.Single(await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice"));

        Assert.Contains("Tue 2026-12-01 10:00 (Asia/Tokyo)", reply.Text, StringComparison.Ordinal);
        var (to, proposal) = Assert.Single(harness.Sent.Messages);
        Assert.Equal(CoachHarness.User("bob"), to);
        Assert.Contains("Mon 2026-11-30 17:00 (America/Los_Angeles)", proposal.Text, StringComparison.Ordinal);
        Assert.Equal(["1on1 accept @alice", "1on1 decline @alice"], proposal.Buttons.Select(b => b.Values["text"]));

        await harness.SendAsync("1on1 accept", "bob");

        var pairing = Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), CancellationToken.None));
        Assert.Equal(PairingState.Active, pairing.State);
        Assert.Equal("Asia/Tokyo", pairing.TimeZoneId);
    }

    [Fact]
    public async Task PauseResumeEnd_EitherSide_ChangesStateAndBadOrderIsRefused()
    {
        var harness = await ActivePairAsync();

        Assert.Contains("paused", (await harness.SendAsync("1on1 pause @alice", "bob"))[0].Text, StringComparison.Ordinal);
        Assert.True((await harness.SendAsync("1on1 pause @bob", "alice"))[0].IsError);
        await harness.SendAsync("1on1 resume @bob", "alice");
        Assert.Equal(PairingState.Active, (await PairingAsync(harness)).State);
        await harness.SendAsync("1on1 end @bob", "alice");
        Assert.Equal(PairingState.Ended, (await PairingAsync(harness)).State);
    }

    [Fact]
    public async Task Agenda_BothAddPoints_ShowsEachSidesPointsUnderItsOwnTitle()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("1on1 add @bob release plan", "alice");
        await harness.SendAsync("1on1 add conference budget", "bob");

        var report = Assert.Single(await harness.SendAsync("1on1 agenda", "bob"));
        var manager = Assert.Single(await harness.SendAsync("1on1 agenda", "alice"));

        Assert.Equal("• conference budget", Section(report, "Your talking points").Body);
        Assert.Equal("• release plan", Section(report, "Talking points from @alice").Body);
        Assert.Equal("• release plan", Section(manager, "Your talking points").Body);
        Assert.Equal("• conference budget", Section(manager, "Talking points from @bob").Body);
        Assert.Contains("Talking points from @alice\n• release plan", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_IsStructured_TitledSectionsAndAnItemWithOwnerDueDateAndADoneButton()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("1on1 action @bob book the venue owner @bob due 2026-12-10", "alice");
        await harness.SendAsync("1on1 action @bob draft the agenda", "alice");
        var pairing = await PairingAsync(harness);

        var agenda = Assert.Single(await harness.SendAsync("1on1 agenda", "bob"));

        Assert.Equal(
            ["1-on-1 with @alice, Mon 2026-11-30 17:00 (America/Los_Angeles)", "Open action items", "Your talking points", "Talking points from @alice", "Questions you could ask @alice"],
            agenda.Sections.Select(s => s.Title));
        Assert.Equal(
            ["• #1 book the venue (owner @bob, due 2026-12-10)", "• #2 draft the agenda (owner @alice, no due date)", "Close one with its Done button, or type 1on1 done <number>."],
            Section(agenda, "Open action items").Body!.Split('\n'));
        Assert.Equal("• none yet", Section(agenda, "Your talking points").Body);
        var done = agenda.Buttons.Where(b => b.ActionId == OneOnOneHandler.FormAction(OneOnOneHandler.DoneAction, pairing)).ToList();
        Assert.Equal([("Done #1", "1"), ("Done #2", "2")], done.Select(b => (b.Label, b.Values[OneOnOneHandler.NumberValue])));
        Assert.Equal(["1on1 note @alice", "1on1 action @alice"], agenda.Buttons.Skip(2).Select(b => b.Values["text"]));

        // The text alone carries every section for channels without structure.
        foreach (var section in agenda.Sections)
        {
            Assert.Contains(section.Title!, agenda.Text, StringComparison.Ordinal);
            Assert.Contains(section.Body ?? section.Title!, agenda.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Agenda_EachSideSeesOnlyTheQuestionsMeantForIt()
    {
        var harness = await ActivePairAsync();
        var questions = CoachHarness.Content.For("en").Questions;

        var manager = Assert.Single(await harness.SendAsync("1on1 agenda", "alice"));
        var report = Assert.Single(await harness.SendAsync("1on1 agenda", "bob"));

        var managerAsks = Lines(Section(manager, "Questions you could ask @bob")).Select(text => questions.Single(q => "• " + q.Text == text)).ToList();
        var reportAsks = Lines(Section(report, "Questions you could ask @alice")).Select(text => questions.Single(q => "• " + q.Text == text)).ToList();
        Assert.Equal(AgendaBuilder.QuestionCount, managerAsks.Count);
        Assert.All(managerAsks, q => Assert.True(q.ForManager, q.Id));
        Assert.True(Assert.Single(reportAsks).ForReport);
        Assert.Empty(managerAsks.Intersect(reportAsks));

        // Opened again (from either side) the agenda reads the same.
        Assert.Equal(manager.Text, Assert.Single(await harness.SendAsync("1on1 agenda", "alice")).Text);
    }

    [Fact]
    public async Task Agenda_Japanese_IsStructuredInJapanese()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("settings language ja", "bob");
        await harness.SendAsync("1on1 action @bob book the venue owner @bob due 2026-12-10", "alice");
        await harness.SendAsync("1on1 add @bob release plan", "alice");

        var agenda = Assert.Single(await harness.SendAsync("1on1 agenda", "bob"));

        Assert.Equal(["未完了のアクションアイテム", "あなたが話したいこと", "@alice さんが話したいこと", "@alice さんに聞いてみるとよい質問"], agenda.Sections.Skip(1).Select(s => s.Title));
        Assert.StartsWith("• #1 book the venue（担当 @bob、期限 2026-12-10）", Section(agenda, "未完了").Body, StringComparison.Ordinal);
        Assert.Equal("#1 を完了", agenda.Buttons[0].Label);
    }

    [Fact]
    public async Task ThirdUser_AsksForSomeoneElsesPairing_GetsTheSameAnswerAsForNoPairing()
    {
        var harness = await ActivePairAsync();
        await harness.OnboardAsync("carol");
        await harness.OnboardAsync("dave");
        await harness.SendAsync("1on1 note @bob private secret plan", "alice");
        await harness.SendAsync("1on1 action @bob write doc", "alice");

        foreach (var verb in new[] { "agenda", "history", "note", "action" })
        {
            var aboutPaired = Assert.Single(await harness.SendAsync($"1on1 {verb} @bob", "carol")).Text;
            var aboutUnpaired = Assert.Single(await harness.SendAsync($"1on1 {verb} @dave", "carol")).Text.Replace("@dave", "@bob", StringComparison.Ordinal);
            Assert.Equal(aboutUnpaired, aboutPaired);
            Assert.DoesNotContain("secret", aboutPaired, StringComparison.Ordinal);
        }

        var done = Assert.Single(await harness.SendAsync("1on1 done 1", "carol"));
        Assert.Equal(Assert.Single(await harness.SendAsync("1on1 done 7", "carol")).Text.Replace("#7", "#1", StringComparison.Ordinal), done.Text);
        Assert.True(Assert.Single((await harness.OneOnOnes.ListActionItemsAsync((await PairingAsync(harness)).Id, CancellationToken.None))).IsOpen);
    }

    [Fact]
    public async Task PrivateNote_ByManager_NeverReachesTheReport()
    {
        var harness = await ActivePairAsync();
        harness.Clock.Advance(TimeSpan.FromDays(8));
        await harness.SendAsync("1on1 note @bob private worried about bob's load", "alice");
        await harness.SendAsync("1on1 note @alice we agreed on the plan", "bob");

        var reportHistory = Assert.Single(await harness.SendAsync("1on1 history @alice", "bob")).Text;
        var managerHistory = Assert.Single(await harness.SendAsync("1on1 history @bob", "alice")).Text;

        Assert.DoesNotContain("worried", reportHistory, StringComparison.Ordinal);
        Assert.Contains("we agreed on the plan", reportHistory, StringComparison.Ordinal);
        Assert.Contains("worried", managerHistory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionItem_StaysOnTheAgendaUntilDone()
    {
        var harness = await ActivePairAsync();
        var added = Assert.Single(await harness.SendAsync("1on1 action @bob book the venue owner @bob due 2026-12-10", "alice")).Text;
        Assert.Contains("#1", added, StringComparison.Ordinal);

        harness.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Contains("#1 book the venue (owner @bob, due 2026-12-10)", (await harness.SendAsync("1on1 agenda", "bob"))[0].Text, StringComparison.Ordinal);

        await harness.SendAsync("1on1 done 1", "bob");
        Assert.DoesNotContain("book the venue", (await harness.SendAsync("1on1 agenda", "alice"))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_ReportPractice_ShownToTheManagerOnlyAfterShareOn()
    {
        var harness = await ActivePairAsync();
        await harness.SendAsync("log management Ran the retro", "bob");

        Assert.DoesNotContain("Recently practised", (await harness.SendAsync("1on1 agenda", "alice"))[0].Text, StringComparison.Ordinal);
        await harness.SendAsync("1on1 share on", "bob");
        var agenda = (await harness.SendAsync("1on1 agenda", "alice"))[0].Text;

        Assert.Contains("Recently practised by @bob\n", agenda, StringComparison.Ordinal);
        Assert.True((await harness.SendAsync("1on1 share on", "alice"))[0].IsError, "only the report decides what of theirs is shared");
    }

    [Fact]
    public async Task Agenda_ReportPractisedAJobMarketStep_TheManagerNeverSeesIt()
    {
        var harness = await ActivePairAsync();
        var today = DateOnly.FromDateTime(harness.Clock.GetUtcNow().UtcDateTime);
        var bob = CoachHarness.User("bob");
        await harness.Progress.AddAsync(new PracticeEntry(bob, "e1", today, "market_value", "market_value.career-advisor", null, harness.Clock.GetUtcNow()), default);
        await harness.Progress.AddAsync(new PracticeEntry(bob, "e2", today, "market_value", "market_value.salary-ranges", null, harness.Clock.GetUtcNow()), default);
        await harness.Progress.AddAsync(new PracticeEntry(bob, "e3", today, "management", "management.specific-feedback", null, harness.Clock.GetUtcNow()), default);
        await harness.SendAsync("1on1 share on", "bob");

        var agenda = (await harness.SendAsync("1on1 agenda", "alice"))[0].Text;

        Assert.Contains("Recently practised by @bob\n• Build management experience: 1", agenda, StringComparison.Ordinal);
        Assert.DoesNotContain("Know your market value", agenda, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoteForm_PrivateSubmission_IsSavedPrivateAndAThirdUsersSubmissionIsRefused()
    {
        var harness = await ActivePairAsync();
        await harness.OnboardAsync("carol");
        var form = Assert.Single(await harness.SendAsync("1on1 note @bob", "alice")).Form!;
        var values = new Dictionary<string, string> { ["text"] = "form note", ["visibility"] = "private" };

        var refused = Assert.Single(await harness.PressAsync(form.SubmitActionId, values, "carol"));
        await harness.PressAsync(form.SubmitActionId, values, "alice");

        Assert.True(refused.IsError);
        var note = Assert.Single(await harness.OneOnOnes.ListNotesAsync((await PairingAsync(harness)).Id, CancellationToken.None));
        Assert.Equal((NoteVisibility.Private, CoachHarness.User("alice")), (note.Visibility, note.Author));
    }

    [Fact]
    public async Task ActionForm_Submission_AddsAnItemOwnedByTheOtherPerson()
    {
        var harness = await ActivePairAsync();
        var form = Assert.Single(await harness.SendAsync("1on1 action", "alice")).Form!;

        await harness.PressAsync(form.SubmitActionId, new Dictionary<string, string> { ["text"] = "share the doc", ["owner"] = "other", ["due"] = "2026-12-24" }, "alice");

        var item = Assert.Single(await harness.OneOnOnes.ListActionItemsAsync((await PairingAsync(harness)).Id, CancellationToken.None));
        Assert.Equal((CoachHarness.User("bob"), new DateOnly(2026, 12, 24)), (item.Owner, item.Due));
    }

    [Fact]
    public async Task ActionForm_BadDueDate_PointsAtTheDueInputAndAddsNothing()
    {
        var harness = await ActivePairAsync();
        var form = Assert.Single(await harness.SendAsync("1on1 action", "alice")).Form!;

        var reply = Assert.Single(await harness.PressAsync(form.SubmitActionId, new Dictionary<string, string> { ["text"] = "share the doc", ["due"] = "next tuesday-ish" }, "alice"));

        Assert.True(reply.IsError);
        Assert.Equal("due", reply.ErrorInputId);
        Assert.Empty(await harness.OneOnOnes.ListActionItemsAsync((await PairingAsync(harness)).Id, CancellationToken.None));
    }

    [Theory]
    [InlineData("1on1 note @bob")]
    [InlineData("1on1 action @bob")]
    public async Task Forms_BlankText_ShowTheFormAgainPointingAtTheTextInput(string command)
    {
        var harness = await ActivePairAsync();
        var form = Assert.Single(await harness.SendAsync(command, "alice")).Form!;

        var reply = Assert.Single(await harness.PressAsync(form.SubmitActionId, new Dictionary<string, string> { ["text"] = "   " }, "alice"));

        Assert.Equal(form.SubmitActionId, reply.Form?.SubmitActionId);
        Assert.Equal("text", reply.ErrorInputId);
        Assert.Contains(reply.Form!.Inputs, i => i.Id == reply.ErrorInputId);
        Assert.Empty(await harness.OneOnOnes.ListNotesAsync((await PairingAsync(harness)).Id, CancellationToken.None));
    }

    [Fact]
    public async Task Setup_JapaneseReport_GetsTheProposalInJapanese()
    {
        var harness = await PairOfUsersAsync();
        await harness.SendAsync("settings language ja", "bob");

        await harness.SendAsync("1on1 setup @bob monthly tue 10:00", "alice");

        var (_, proposal) = Assert.Single(harness.Sent.Messages);
        Assert.Contains("毎月の 1on1 の提案", proposal.Text, StringComparison.Ordinal);
        Assert.Equal("受け入れる", proposal.Buttons[0].Label);
    }

    [Fact]
    public async Task ActionItem_OwnerOutsideThePair_IsRefused()
    {
        var harness = await ActivePairAsync();

        var reply = Assert.Single(await harness.SendAsync("1on1 action @bob do it owner @carol", "alice"));

        Assert.True(reply.IsError);
        Assert.Empty(await harness.OneOnOnes.ListActionItemsAsync((await PairingAsync(harness)).Id, CancellationToken.None));
    }

    [Fact]
    public async Task Reminders_Prep_NamesTheOtherPersonAndHours()
    {
        var harness = await ActivePairAsync();
        var reminders = harness.Reminders;
        var pairing = await PairingAsync(harness);

        var prep = await reminders.BuildPrepAsync(pairing, CoachHarness.User("bob"), 24, CancellationToken.None);
        var followUp = await reminders.BuildFollowUpAsync(pairing, CoachHarness.User("alice"), CancellationToken.None);

        Assert.Contains("Your 1-on-1 with @alice is in 24 h", prep!.Text, StringComparison.Ordinal);
        Assert.Equal(OneOnOneHandler.NoteFormAction + ":" + pairing.Id, followUp!.Form!.SubmitActionId);
        Assert.Null(await reminders.BuildPrepAsync(pairing, CoachHarness.User("carol"), 1, CancellationToken.None));
        Assert.Equal(MeetingSchedule.NextMeetingUtc(pairing, harness.Clock.GetUtcNow()), reminders.NextMeetingUtc(pairing));
    }

    private static ReplySection Section(Reply reply, string title) =>
        Assert.Single(reply.Sections, s => s.Title is { } t && t.StartsWith(title, StringComparison.Ordinal));

    private static string[] Lines(ReplySection section) => section.Body!.Split('\n');

    private static async Task<CoachHarness> PairOfUsersAsync()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync("alice", timeZone: "Asia/Tokyo");
        await harness.OnboardAsync("bob", timeZone: "America/Los_Angeles");
        return harness;
    }

    private static async Task<CoachHarness> ActivePairAsync()
    {
        var harness = await PairOfUsersAsync();
        await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice");
        await harness.SendAsync("1on1 accept @alice", "bob");
        return harness;
    }

    private static async Task<Pairing> PairingAsync(CoachHarness harness) =>
        Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), CancellationToken.None));
}
