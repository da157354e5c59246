using CoachBot.Core.Conversation;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.OneOnOnes;

/// <summary>1-on-1s work for people who never did the habit setup, and nobody is left without an answer.</summary>
public sealed class EveryoneIsHeardTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Setup_ManagerNeverTypedStart_RemembersLanguageAndZoneWithoutStartingTheHabitSetup()
    {
        var harness = new CoachHarness();

        var replies = await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice", "Asia/Tokyo", locale: "ja-JP");

        var reply = Assert.Single(replies);
        Assert.False(reply.IsError);
        Assert.Contains("提案", reply.Text, StringComparison.Ordinal);
        var profile = await harness.ProfileAsync("alice");
        Assert.Equal(OnboardingStep.NotStarted, profile.Onboarding);
        Assert.Equal("ja", profile.Language);
        Assert.Equal("Asia/Tokyo", profile.TimeZoneId);
    }

    [Fact]
    public async Task Setup_ReportNeverWroteToTheBot_GetsTheProposalInTheManagersLanguage()
    {
        var harness = new CoachHarness();

        await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice", "Asia/Tokyo", locale: "ja-JP");

        var (to, proposal) = Assert.Single(harness.Sent.Messages);
        Assert.Equal(CoachHarness.User("bob"), to);
        Assert.Contains("1on1 の提案が届いています", proposal.Text, StringComparison.Ordinal);
        Assert.Contains("(Asia/Tokyo)", proposal.Text, StringComparison.Ordinal);
        Assert.Equal(["1on1 accept @alice", "1on1 decline @alice"], proposal.Buttons.Select(b => b.Values["text"]));
        Assert.Null(await harness.Users.GetAsync(CoachHarness.User("bob"), None));
    }

    [Fact]
    public async Task Accept_ReportNeverTypedStart_ActivatesAndTellsTheManager()
    {
        var harness = new CoachHarness();
        await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice");

        var reply = Assert.Single(await harness.SendAsync("1on1 accept", "bob", "Europe/Berlin"));

        Assert.False(reply.IsError);
        Assert.Equal(PairingState.Active, Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), None)).State);
        var (to, notice) = harness.Sent.Messages[^1];
        Assert.Equal(CoachHarness.User("alice"), to);
        Assert.Equal("@bob accepted your 1-on-1s.", notice.Text);
        var bob = await harness.ProfileAsync("bob");
        Assert.Equal(OnboardingStep.NotStarted, bob.Onboarding);
        Assert.Equal("Europe/Berlin", bob.TimeZoneId);
    }

    [Fact]
    public async Task Accept_ManagerWithoutAProfile_IsToldInTheReportsLanguage()
    {
        var harness = new CoachHarness();
        await harness.OneOnOnes.SavePairingAsync(Proposed(), None);

        await harness.SendAsync("1on1 accept", "bob", locale: "ja-JP");

        var (to, notice) = Assert.Single(harness.Sent.Messages);
        Assert.Equal(CoachHarness.User("alice"), to);
        Assert.Equal("@bob さんが 1on1 を受け入れました。", notice.Text);
    }

    [Fact]
    public async Task Reminders_PersonWithoutAProfile_GetsPrepAndFollowUpInTheOtherPersonsLanguage()
    {
        var harness = new CoachHarness();
        await harness.SendAsync("settings language ja", "bob");
        var pairing = await harness.OneOnOnes.SavePairingAsync(Proposed() with { State = PairingState.Active }, None);

        var prep = await harness.Reminders.BuildPrepAsync(pairing, CoachHarness.User("alice"), 24, None);
        var followUp = await harness.Reminders.BuildFollowUpAsync(pairing, CoachHarness.User("alice"), None);

        Assert.StartsWith("@bob さんとの 1on1 まであと 24 時間です。", prep!.Text, StringComparison.Ordinal);
        Assert.StartsWith("@bob さんとの 1on1 はいかがでしたか？", followUp!.Text, StringComparison.Ordinal);
        Assert.NotNull(followUp.Form);
    }

    [Fact]
    public async Task Setup_ReportTheChannelCannotReach_KeepsTheProposalAndSaysHowTheyCanAccept()
    {
        var harness = new CoachHarness();
        harness.Sent.Unreachable.Add("bob");

        var reply = Assert.Single(await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice"));

        Assert.False(reply.IsError);
        Assert.Contains("I couldn't message them. I'm keeping the proposal: the first time they write to me, I'll show it to them", reply.Text, StringComparison.Ordinal);
        Assert.Equal(PairingState.Proposed, Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), None)).State);
        Assert.Empty(harness.Sent.Messages);
    }

    [Fact]
    public async Task Setup_TeamsReportWhoNeverAddedTheApp_SaysExactlyHowToAddIt()
    {
        var harness = new CoachHarness();
        var manager = new UserRef("msteams", "tenant-1", "alice");

        var reply = Assert.Single(await harness.HandleAsync(new IncomingTurn { User = manager, Text = "1on1 setup @bob weekly tue 10:00", TurnId = "t-1" }));

        Assert.False(reply.IsError);
        Assert.Contains("until they add CoachBot in Teams: Apps, search for CoachBot, Add", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("message me first", reply.Text, StringComparison.Ordinal);
        Assert.Single(await harness.OneOnOnes.ListPairingsAsync(manager, None));
    }

    [Fact]
    public async Task SetupReminder_OnlyWithDailyPracticeCommandsAndOnceADay()
    {
        var harness = new CoachHarness();
        var reminder = CoachHarness.Content.For("en").Strings.Format("onboarding.reminder");

        Assert.Single(await harness.SendAsync("1on1 list"));
        Assert.Single(await harness.SendAsync("settings"));
        var first = await harness.SendAsync("today");
        var again = await harness.SendAsync("progress");
        harness.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await harness.SendAsync("today");

        Assert.Equal(reminder, first[^1].Text);
        Assert.Equal(2, first.Count);
        Assert.DoesNotContain(again, r => r.Text == reminder);
        Assert.Equal(reminder, nextDay[^1].Text);
    }

    [Fact]
    public async Task SetupReminder_InAChannel_NeverShown()
    {
        var harness = new CoachHarness();

        var replies = await harness.HandleAsync(new IncomingTurn { User = CoachHarness.User(), Text = "today", TurnId = "c-1", InChannel = true });

        Assert.Single(replies);
        Assert.DoesNotContain("setup", replies[0].Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ChannelMention_NewUserNotACommand_GetsOneAnswerPointingAtHelpAndNoOnboarding()
    {
        var harness = new CoachHarness();

        var replies = await harness.HandleAsync(new IncomingTurn { User = CoachHarness.User(), Text = "thanks everyone, great retro", TurnId = "c-2", InChannel = true });

        var reply = Assert.Single(replies);
        Assert.Equal(CoachHarness.Content.For("en").Strings.Format("error.unknown_verb_no_match", ("word", "thanks")), reply.Text);
        Assert.Equal(["help"], reply.Buttons.Select(b => b.Values["text"]));
        Assert.Null(await harness.Users.GetAsync(CoachHarness.User(), None));
    }

    [Theory]
    [InlineData("1on1 histroy @bob")]
    [InlineData("1on1 agnda @bob")]
    [InlineData("progres")]
    public async Task ChannelTypo_PlantedForSomeoneElseToPress_EveryButtonOnlyExplains(string planted)
    {
        var harness = new CoachHarness();

        var reply = Assert.Single(await harness.HandleAsync(new IncomingTurn { User = CoachHarness.User("mallory"), Text = planted, TurnId = "c-typo", InChannel = true }));

        Assert.NotEmpty(reply.Buttons);
        Assert.All(reply.Buttons, b => Assert.StartsWith("help", b.Values["text"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task FirstChatMessage_UserKnownOnlyFromOneOnOnes_GetsTheWelcomeNotAnError()
    {
        var harness = new CoachHarness();
        await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice");

        var reply = Assert.Single(await harness.SendAsync("hello", "alice"));

        Assert.False(reply.IsError);
        Assert.StartsWith("Hi alice, I'm CoachBot.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(OnboardingStep.Role, (await harness.ProfileAsync("alice")).Onboarding);
    }

    private static Pairing Proposed() => new(
        "p-1", CoachHarness.User("alice"), CoachHarness.User("bob"), Cadence.Weekly, DayOfWeek.Tuesday, new TimeOnly(10, 0), "UTC",
        new DateOnly(2026, 12, 1), PairingState.Proposed);

    [Fact]
    public async Task HeldProposal_ReportFirstWritesToTheBot_GetsItAfterTheWelcomeOnceAndTheManagerIsTold()
    {
        var harness = new CoachHarness();
        harness.Sent.Unreachable.Add("bob");
        await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice");
        Assert.True(Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), None)).ProposalHeld);
        harness.Sent.Unreachable.Clear();

        var first = await harness.SendAsync("hello", "bob");

        Assert.True(first.Count >= 2, "the welcome comes first, then the proposal");
        Assert.Contains("would like to have 1-on-1s with you", first[^1].Text, StringComparison.Ordinal);
        Assert.Equal(["1on1 accept @alice", "1on1 decline @alice"], first[^1].Buttons.Select(b => b.Values["text"]));
        var (to, notice) = Assert.Single(harness.Sent.Messages);
        Assert.Equal(CoachHarness.User("alice"), to);
        Assert.Contains("@bob has started talking to me, and I've just given them your 1-on-1 proposal", notice.Text, StringComparison.Ordinal);
        Assert.False(Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), None)).ProposalHeld);

        var second = await harness.SendAsync("help", "bob");

        Assert.DoesNotContain(second, r => r.Text.Contains("would like to have 1-on-1s", StringComparison.Ordinal));
        Assert.Single(harness.Sent.Messages);
    }

    [Fact]
    public async Task HeldProposal_KnownPersonAddsTheApp_TheInstallGreetingDeliversIt()
    {
        var harness = new CoachHarness();
        var bob = new UserRef("msteams", "tenant-1", "bob");
        var alice = new UserRef("msteams", "tenant-1", "alice");
        await harness.HandleAsync(new IncomingTurn { User = bob, Text = "start", TurnId = "t-0" });
        await harness.HandleAsync(new IncomingTurn { User = alice, Text = "1on1 setup @bob weekly tue 10:00", TurnId = "t-1" });
        Assert.True(Assert.Single(await harness.OneOnOnes.ListPairingsAsync(alice, None)).ProposalHeld);
        await harness.HandleAsync(new IncomingTurn { User = bob, Text = "1on1 list", TurnId = "t-2" });
        Assert.True(Assert.Single(await harness.OneOnOnes.ListPairingsAsync(alice, None)).ProposalHeld);

        var greeting = await harness.HandleAsync(new IncomingTurn { User = bob, Text = string.Empty, TurnId = "t-3" });

        Assert.Contains(greeting, r => r.Text.Contains("would like to have 1-on-1s with you", StringComparison.Ordinal));
        Assert.False(Assert.Single(await harness.OneOnOnes.ListPairingsAsync(alice, None)).ProposalHeld);
    }

    [Fact]
    public async Task Setup_ReportTheDirectoryKnows_ProposalInTheirLanguageAndZoneAndTheirProfileStartsNothing()
    {
        var directory = new Directory { ["bob"] = new PersonHints("Asia/Tokyo", "ja-JP") };
        var harness = new CoachHarness(directory: directory);

        var reply = Assert.Single(await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice", "Europe/London"));

        Assert.False(reply.IsError);
        var (to, proposal) = Assert.Single(harness.Sent.Messages);
        Assert.Equal(CoachHarness.User("bob"), to);
        Assert.Contains("1on1 の提案が届いています", proposal.Text, StringComparison.Ordinal);
        Assert.Contains("(Asia/Tokyo)", proposal.Text, StringComparison.Ordinal);
        var bob = await harness.ProfileAsync("bob");
        Assert.Equal(("ja", "Asia/Tokyo", OnboardingStep.NotStarted), (bob.Language, bob.TimeZoneId, bob.Onboarding));
        Assert.False(bob.TimeZoneChosen);
    }

    [Fact]
    public async Task HeldProposal_ReportTheDirectoryKnewButTheChannelCouldNotReach_GetsItWhenTheyFirstWrite()
    {
        // The lookup saves a profile that starts nothing; the held proposal must still reach them on their first turn.
        var harness = new CoachHarness(directory: new Directory { ["bob"] = new PersonHints("Europe/Berlin", "en-GB") });
        harness.Sent.Unreachable.Add("bob");
        await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice");
        Assert.Equal(OnboardingStep.NotStarted, (await harness.ProfileAsync("bob")).Onboarding);
        harness.Sent.Unreachable.Clear();

        var first = await harness.SendAsync("hello", "bob");

        Assert.Contains("would like to have 1-on-1s with you", first[^1].Text, StringComparison.Ordinal);
        Assert.False(Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), None)).ProposalHeld);
    }

    [Theory]
    [InlineData(true, false, "is an app, not a person")]
    [InlineData(false, true, "account is deactivated")]
    public async Task Setup_ReportIsABotOrDeactivated_IsRefusedAndNothingIsSaved(bool bot, bool deactivated, string expected)
    {
        var directory = new Directory { ["bob"] = new PersonHints("UTC", "en-US", bot, deactivated) };
        var harness = new CoachHarness(directory: directory);

        var reply = Assert.Single(await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice"));

        Assert.True(reply.IsError);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("alice"), None));
        Assert.Null(await harness.Users.GetAsync(CoachHarness.User("bob"), None));
        Assert.Empty(harness.Sent.Messages);
    }

    /// <summary>The local channel's directory as a test sets it up: user id to what it says about them.</summary>
    private sealed class Directory : Dictionary<string, PersonHints>, IPersonDirectory
    {
        public string Channel => "local";

        public Task<PersonHints?> FindAsync(UserRef person, CancellationToken cancellationToken) =>
            Task.FromResult(TryGetValue(person.UserId, out var hints) ? hints : null);
    }
}
