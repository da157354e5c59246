using CoachBot.Core.Conversation;

namespace CoachBot.Core.Tests.Understanding;

/// <summary>The Japanese words for the verbs (content/ja/intents.yaml) work like the verbs, arguments and all.</summary>
public sealed class JapaneseCommandWordTests
{
    private static readonly CommandReader Reader = new(CoachHarness.Content);

    [Theory]
    [InlineData("ヘルプ", "help", "")]
    [InlineData("使い方", "help", "")]
    [InlineData("はじめる", "start", "")]
    [InlineData("ホーム", "home", "")]
    [InlineData("今日", "today", "")]
    [InlineData("完了 面接に同席できた", "done", "面接に同席できた")]
    [InlineData("記録 recruiting 面接に同席した", "log", "recruiting 面接に同席した")]
    [InlineData("進捗", "progress", "")]
    [InlineData("スキル 3 2 4 3 2", "skills", "3 2 4 3 2")]
    [InlineData("設定 language en", "settings", "language en")]
    [InlineData("キャリアパス", "path", "")]
    [InlineData("役割 cto", "roles", "cto")]
    [InlineData("読書", "reading", "")]
    [InlineData("読了", "reading", "done")]
    [InlineData("読書 完了", "reading", "done")]
    [InlineData("読書 次", "reading", "next")]
    [InlineData("1on1 アジェンダ @bob", "1on1 agenda", "@bob")]
    [InlineData("1on1 完了 2", "1on1 done", "2")]
    [InlineData("1on1 設定 @bob weekly tue 15:00", "1on1 setup", "@bob weekly tue 15:00")]
    [InlineData("チームふりかえり 状況", "team reflection status", "")]
    [InlineData("ふりかえり", "reflect", "")]
    [InlineData("エクスポート", "export", "")]
    [InlineData("データ削除", "forget me", "")]
    [InlineData("ヘルプ　1on1", "help", "1on1")]
    [InlineData("１ｏｎ１ アジェンダ", "1on1 agenda", "")]
    public void Read_JapaneseWord_RunsTheVerb(string text, string verb, string arguments) =>
        Assert.Equal(new CommandRequest(verb, arguments), Reader.Read(text, "ja"));

    [Fact]
    public void Read_JapaneseWordGluedToMoreText_IsNotTheVerb() =>
        // Like "todays" is not "today": a word counts only as a whole word, or 「完了しました」 would be done with a note.
        Assert.NotEqual("done", Reader.Read("完了したかも", "ja")?.Verb);

    [Fact]
    public async Task JapaneseWord_WorksForAnEnglishSpeakerToo()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();

        var byWord = Assert.Single(await harness.SendAsync("進捗"));
        var byVerb = Assert.Single(await harness.SendAsync("progress"));

        Assert.Equal(byVerb.Text, byWord.Text);
    }

    [Fact]
    public async Task Done_ByJapaneseWordWithNote_RecordsThePracticeWithTheNote()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        await harness.SendAsync("settings language ja");
        await harness.SendAsync("今日");

        await harness.SendAsync("完了 面接に同席できた");

        Assert.Equal("面接に同席できた", Assert.Single(await harness.PracticeAsync()).Note);
    }
}
