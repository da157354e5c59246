using CoachBot.Core.Conversation;

namespace CoachBot.Core.Tests.Understanding;

/// <summary>Everyday phrasings from content/&lt;lang&gt;/intents.yaml run the command they mean; nothing else does.</summary>
public sealed class IntentTests
{
    private static readonly CommandReader Reader = new(CoachHarness.Content);

    [Theory]
    [InlineData("what should I do today?", "today", "")]
    [InlineData("What's today's step?", "today", "")]
    [InlineData("I did it", "done", "")]
    [InlineData("finished", "done", "")]
    [InlineData("how am I doing?", "progress", "")]
    [InlineData("show my progress", "progress", "")]
    [InlineData("what can you do?", "help", "")]
    [InlineData("help me", "help", "")]
    [InlineData("show my dashboard", "home", "")]
    [InlineData("what should I read?", "reading", "")]
    [InlineData("I finished the book", "reading", "done")]
    [InlineData("how do I become a VPoE?", "path", "")]
    [InlineData("what is a VPoE?", "roles", "")]
    [InlineData("rate my skills", "skills", "")]
    [InlineData("change my settings", "settings", "")]
    [InlineData("what's on my agenda?", "1on1 agenda", "")]
    [InlineData("when is my next 1-on-1?", "1on1 list", "")]
    [InlineData("get started", "start", "")]
    public void Read_EnglishPhrase_RunsItsCommand(string phrase, string verb, string arguments) =>
        Assert.Equal(new CommandRequest(verb, arguments), Reader.Read(phrase, "en"));

    [Theory]
    [InlineData("今日は何をすればいい？", "today", "")]
    [InlineData("今日のステップを見せて", "today", "")]
    [InlineData("できた", "done", "")]
    [InlineData("完了しました", "done", "")]
    [InlineData("進捗を見せて", "progress", "")]
    [InlineData("調子はどう？", "progress", "")]
    [InlineData("何ができるの？", "help", "")]
    [InlineData("使い方を教えて", "help", "")]
    [InlineData("ダッシュボードを見せて", "home", "")]
    [InlineData("おすすめの本は？", "reading", "")]
    [InlineData("本を読み終えた", "reading", "done")]
    [InlineData("VPoEになるには？", "path", "")]
    [InlineData("CTOとVPoEの違いは？", "roles", "")]
    [InlineData("スキルチェック", "skills", "")]
    [InlineData("設定を変えたい", "settings", "")]
    [InlineData("アジェンダを見せて", "1on1 agenda", "")]
    [InlineData("次の1on1はいつ？", "1on1 list", "")]
    [InlineData("初期設定をしたい", "start", "")]
    public void Read_JapanesePhrase_RunsItsCommand(string phrase, string verb, string arguments) =>
        Assert.Equal(new CommandRequest(verb, arguments), Reader.Read(phrase, "ja"));

    [Theory]
    [InlineData("WHAT SHOULD I DO TODAY", "en")]
    [InlineData("  what should   i do today ?!  ", "en")]
    [InlineData("ｗｈａｔ ｓｈｏｕｌｄ Ｉ ｄｏ ｔｏｄａｙ？", "en")]
    [InlineData("/coach what should I do today?", "en")]
    [InlineData("今日は 何をすればいい?", "ja")]
    [InlineData("今日は何をすればいい。", "ja")]
    [InlineData("今日は何をすればいい!?", "ja")]
    public void Read_PhraseTypedDifferently_StillRunsItsCommand(string phrase, string language) =>
        Assert.Equal(new CommandRequest("today", string.Empty), Reader.Read(phrase, language));

    [Theory]
    [InlineData("how am I doing?", "ja")]
    [InlineData("進捗を見せて", "en")]
    public void Read_PhraseOfTheOtherLanguage_IsUnderstoodToo(string phrase, string language) =>
        Assert.Equal("progress", Reader.Read(phrase, language)?.Verb);

    [Theory]
    [InlineData("what should I do tomorrow?")]
    [InlineData("I did it yesterday and it was hard")]
    [InlineData("thanks")]
    [InlineData("今日は雨")]
    public void Read_TextThatIsNoPhrase_IsNoCommand(string text) => Assert.Null(Reader.Read(text, "en"));

    [Fact]
    public async Task IDidIt_RecordsTodaysStep_LikeDone()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("today");

        await harness.SendAsync("I did it!");

        Assert.Single(await harness.PracticeAsync());
    }

    [Fact]
    public async Task JapanesePhrase_AnswersInTheUsersLanguage_WithTheCommandsReply()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("settings language ja");

        var byPhrase = Assert.Single(await harness.SendAsync("進捗を見せて"));
        var byVerb = Assert.Single(await harness.SendAsync("progress"));

        Assert.Equal(byVerb.Text, byPhrase.Text);
        Assert.False(byPhrase.IsError);
    }
}
