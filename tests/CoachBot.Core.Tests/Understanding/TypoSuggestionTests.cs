using CoachBot.Core.Conversation;
using CoachBot.Core.OneOnOnes;

namespace CoachBot.Core.Tests.Understanding;

/// <summary>
/// A typo gets the command it most likely meant, a sub-command typo the sub-command; a suggested button never changes
/// anything by itself, and no button is offered twice.
/// </summary>
public sealed class TypoSuggestionTests
{
    private static readonly VerbMatcher Matcher = new CommandReader(CoachHarness.Content).Matcher;

    [Theory]
    [InlineData("1on1 agnda", "1on1 agenda")]
    [InlineData("1on1 agenda", "1on1 agenda")]
    [InlineData("1on1 histroy @bob", "1on1 history")]
    [InlineData("1on1 acept", "1on1 accept")]
    [InlineData("1on1 reshedule @bob fri 10:00", "1on1 reschedule")]
    [InlineData("team reflection stauts", "team reflection status")]
    [InlineData("1on1 アジェンタ", "1on1 agenda")]
    public void Suggest_SubCommandTypo_SuggestsTheSubCommandFirst(string typo, string expected)
    {
        var guess = Matcher.Suggest(typo);

        Assert.Equal(expected, guess.Suggestions[0].Verb);
        Assert.All(guess.Suggestions, s => Assert.StartsWith(expected.Split(' ')[0], s.Verb, StringComparison.Ordinal));
    }

    [Fact]
    public void Suggest_SubCommandTypo_NeverOffersUnrelatedSubCommands()
    {
        var guess = Matcher.Suggest("1on1 agnda");

        Assert.Equal(["1on1 agenda"], guess.Suggestions.Select(s => s.Verb));
        Assert.Equal("1on1 agnda", guess.Typed);
        Assert.Equal("1on1", guess.Group);
    }

    [Fact]
    public void Suggest_SubCommandTypo_KeepsWhatFollowsAsArguments() =>
        Assert.Equal(new Suggestion("1on1 history", "@bob"), Matcher.Suggest("1on1 histroy @bob").Suggestions[0]);

    [Fact]
    public void Suggest_GroupTypo_NamesTheGroup()
    {
        var guess = Matcher.Suggest("1no1");

        Assert.Equal("1on1", guess.Group);
        Assert.True(guess.Any);
    }

    [Fact]
    public void Suggest_TypoOfAJapaneseWord_SuggestsItsVerb() => Assert.Equal("progress", Matcher.Suggest("進歩").Suggestions[0].Verb);

    [Fact]
    public async Task SubCommandTypo_ReadOnly_ButtonRunsItWithTheArguments()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("1on1 agnda @bob"));

        Assert.True(reply.IsError);
        Assert.Contains("1on1 agenda", reply.Text, StringComparison.Ordinal);
        Assert.Contains("1on1 agnda", reply.Text, StringComparison.Ordinal);
        Assert.Equal(["1on1 agenda @bob", "help 1on1"], Commands(reply));
    }

    [Theory]
    [InlineData("1on1 acept", "1on1 accept")]
    [InlineData("1on1 acept @bob", "1on1 accept")]
    [InlineData("1on1 ned @bob", "1on1 end")]
    [InlineData("dnoe", "done")]
    [InlineData("dnoe great chat with sales", "done")]
    [InlineData("forgot me", "forget me")]
    [InlineData("exprot", "export")]
    [InlineData("strat", "start")]
    public async Task TypoOfAStateChangingVerb_ButtonOnlyExplainsIt(string typo, string verb)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync(typo));

        Assert.Contains(reply.Buttons, b => b.Label == $"How to use {verb}" && Command(b) == $"help {verb}");
        Assert.All(reply.Buttons, b => Assert.StartsWith("help", Command(b), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TypoInJapanese_SuggestsInJapanese_AndStillOnlyExplainsAStateChange()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("settings language ja");

        var accept = Assert.Single(await harness.SendAsync("1on1 承認"));
        var agenda = Assert.Single(await harness.SendAsync("1on1 アジェンタ"));

        Assert.Contains("1on1 承諾", accept.Text, StringComparison.Ordinal);
        Assert.Equal(("1on1 承諾 の使い方", "help 1on1 accept"), (accept.Buttons[0].Label, Command(accept.Buttons[0])));
        Assert.Equal(("1on1 アジェンダ", "1on1 agenda"), (agenda.Buttons[0].Label, Command(agenda.Buttons[0])));
    }

    [Fact]
    public async Task Typo_OfABareFormVerbWithArguments_ExplainsInsteadOfSaving()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var withArguments = Assert.Single(await harness.SendAsync("setings language ja"));
        var bare = Assert.Single(await harness.SendAsync("setings"));

        Assert.Contains("help settings", Commands(withArguments));
        Assert.DoesNotContain(Commands(withArguments), c => c.StartsWith("settings", StringComparison.Ordinal));
        Assert.Contains("settings", Commands(bare));
        Assert.Equal("en", (await harness.ProfileAsync()).Language);
    }

    [Theory]
    [InlineData("hlep")]
    [InlineData("hepl")]
    [InlineData("1on1 agnda")]
    [InlineData("1on1 acept")]
    [InlineData("tody")]
    [InlineData("1no1 agenda")]
    public async Task Typo_NeverOffersTheSameButtonTwice(string typo)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync(typo));

        Assert.Equal(Commands(reply).Distinct(StringComparer.Ordinal), Commands(reply));
        Assert.Equal(reply.Buttons.Select(b => b.Label).Distinct(StringComparer.Ordinal), reply.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task Typo_OfHelp_OffersHelpOnce()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("hlep"));

        Assert.Equal(["help"], Commands(reply));
    }

    [Fact]
    public async Task GroupAlone_ShowsItsTopicHelp()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var reply = Assert.Single(await harness.SendAsync("1on1"));

        Assert.False(reply.IsError);
        Assert.Contains("1on1 agenda [@person]", reply.Text, StringComparison.Ordinal);
        Assert.Contains("1on1 setup", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypoOfAccept_PressingEveryButton_LeavesTheProposalOpen()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync("bob");
        await harness.SendAsync("1on1 setup @bob weekly tue 10:00", "alice");
        var reply = Assert.Single(await harness.SendAsync("1on1 acept", "bob"));

        var pressed = new List<Reply>();
        foreach (var button in reply.Buttons)
        {
            pressed.AddRange(await harness.PressAsync(button, "bob"));
        }

        Assert.Contains(pressed, r => r.Text.Contains("1on1 accept [@manager]", StringComparison.Ordinal));
        var pairing = Assert.Single(await harness.OneOnOnes.ListPairingsAsync(CoachHarness.User("bob"), CancellationToken.None));
        Assert.Equal(PairingState.Proposed, pairing.State);
    }

    [Fact]
    public void Catalog_EveryStateChangingVerbIsMarkedSo()
    {
        // The verbs that save, send or delete: if one of them ever became ReadOnly, a typo button could run it.
        string[] changing = ["done", "start", "export", "forget me", "1on1 setup", "1on1 accept", "1on1 decline", "1on1 add", "1on1 done",
            "1on1 share", "1on1 reschedule", "1on1 pause", "1on1 resume", "1on1 end", "team reflection on", "team reflection off"];

        Assert.All(changing, v => Assert.Equal(VerbSafety.ChangesState, VerbCatalog.Find(v)!.Safety));
        Assert.All(VerbCatalog.All.Where(v => v.Safety == VerbSafety.ReadOnlyWhenBare), v => Assert.False(v.SafeWith("x"), v.Verb));
    }

    private static string Command(ReplyButton button) => button.Values[CommandActions.TextValue];

    private static List<string> Commands(Reply reply) => [.. reply.Buttons.Select(Command)];
}
