using CoachBot.Core.Conversation;

namespace CoachBot.Core.Tests;

public sealed class VerbMatcherTests
{
    private readonly VerbMatcher _matcher = new(["help", "start", "today", "done", "log", "settings", "forget me"]);

    [Theory]
    [InlineData("help", "help", "")]
    [InlineData("  HELP  ", "help", "")]
    [InlineData("/coach today", "today", "")]
    [InlineData("log recruiting  Sat in  on a loop", "log", "recruiting  Sat in  on a loop")]
    [InlineData("forget   me", "forget me", "")]
    public void Match_KnownVerb_SplitsVerbAndArguments(string text, string verb, string arguments)
    {
        var command = _matcher.Match(text);

        Assert.NotNull(command);
        Assert.Equal((verb, arguments), (command.Verb, command.Arguments));
    }

    [Fact]
    public void Match_NoteWithLineBreaks_KeepsThem()
    {
        var command = _matcher.Match("done first line\nsecond line");

        Assert.Equal("first line\nsecond line", command?.Arguments);
    }

    [Theory]
    [InlineData("helpme")]
    [InlineData("todays")]
    [InlineData("forget")]
    public void Match_WordThatOnlyStartsLikeAVerb_IsNoMatch(string text) => Assert.Null(_matcher.Match(text));

    [Theory]
    [InlineData("hlep", "help")]
    [InlineData("tody", "today")]
    [InlineData("setings", "settings")]
    [InlineData("don", "done")]
    [InlineData("forgot me", "forget me")]
    public void Nearest_Typo_SuggestsTheVerb(string typo, string expected) =>
        Assert.Equal(expected, _matcher.Nearest(typo)[0]);

    [Fact]
    public void Nearest_Gibberish_SuggestsNothing() => Assert.Empty(_matcher.Nearest("xqzvbnmwk"));

    [Fact]
    public void Nearest_ReturnsAtMostThree() => Assert.True(_matcher.Nearest("d").Count <= 3);
}
