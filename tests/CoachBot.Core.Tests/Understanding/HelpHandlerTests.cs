using CoachBot.Core.Conversation;

namespace CoachBot.Core.Tests.Understanding;

/// <summary>`help` is one screen of topics; `help &lt;topic&gt;` and `help &lt;command&gt;` give the details, in en and ja.</summary>
public sealed class HelpHandlerTests
{
    private static readonly string[] EnglishTopics = ["Daily practice", "Career", "1-on-1s", "Team", "Settings and privacy"];

    [Fact]
    public async Task Help_English_IsOneScreenGroupedByTopic()
    {
        var harness = await OnboardedAsync("en");

        var reply = Assert.Single(await harness.SendAsync("help"));

        var lines = reply.Text.Split('\n');
        Assert.InRange(lines.Length, 6, 7);
        Assert.Equal(EnglishTopics, Assert.Single(reply.Sections).Fields.Select(f => f.Label));
        Assert.Contains("• Daily practice: today, done, log, progress, reading, home (help daily)", lines);
        Assert.Contains("• Career: path, roles, skills, missions (help career)", lines);
        Assert.Contains("• 1-on-1s: 1on1 agenda, add, note, action, done, list… (help 1on1)", lines);
        Assert.Contains("• Team: team reflection on, off, status, reflect, team health, share… (help team)", lines);
        Assert.Equal(["help daily", "help career", "help 1on1", "help team", "help privacy"], reply.Buttons.Select(b => b.Values[CommandActions.TextValue]));
        Assert.Equal(EnglishTopics, reply.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task Help_Japanese_IsOneScreen_AndListsTheJapaneseCommandWords()
    {
        var harness = await OnboardedAsync("ja");

        var reply = Assert.Single(await harness.SendAsync("ヘルプ"));

        Assert.InRange(reply.Text.Split('\n').Length, 6, 7);
        foreach (var word in new[] { "今日", "完了", "記録", "進捗", "読書", "ホーム", "キャリアパス", "役割", "スキル", "ミッション", "1on1 アジェンダ", "チームふりかえり 開始", "設定", "はじめる", "エクスポート", "データ削除" })
        {
            Assert.Contains(word, reply.Text, StringComparison.Ordinal);
        }

        Assert.Contains("• 毎日の実践：今日、完了、記録、進捗、読書、ホーム（ヘルプ 毎日）", reply.Text.Split('\n'));
        Assert.Equal(["help 毎日", "help キャリア", "help 1on1", "help チーム", "help プライバシー"], reply.Buttons.Select(b => b.Values[CommandActions.TextValue]));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public async Task HelpTopics_TogetherExplainEveryVerb_WithItsUsage(string language)
    {
        var harness = await OnboardedAsync(language);
        var strings = CoachHarness.Content.For(language).Strings;

        var pages = new List<Reply>();
        foreach (var topic in HelpTopic.All)
        {
            pages.Add(Assert.Single(await harness.SendAsync("help " + topic)));
        }

        Assert.Equal(harness.Engine.Verbs.Order(StringComparer.Ordinal), VerbCatalog.Verbs.Order(StringComparer.Ordinal));
        foreach (var verb in VerbCatalog.All)
        {
            var page = pages[HelpTopic.All.ToList().IndexOf(verb.Topic)];
            Assert.Contains(strings.Format($"verb.{verb.Key}.usage"), page.Text, StringComparison.Ordinal);
            Assert.Contains(strings.Format($"verb.{verb.Key}.help"), page.Text, StringComparison.Ordinal);
        }

        Assert.All(pages, p => Assert.False(p.IsError));
    }

    [Theory]
    [InlineData("help 1on1", "en", "1-on-1s")]
    [InlineData("help 1-on-1", "en", "1-on-1s")]
    [InlineData("help DAILY", "en", "Daily practice")]
    [InlineData("help privacy", "en", "Settings and privacy")]
    [InlineData("ヘルプ 1on1", "ja", "1on1 ミーティング")]
    [InlineData("ヘルプ 毎日", "ja", "毎日の実践")]
    [InlineData("ヘルプ チーム", "ja", "チーム")]
    [InlineData("ヘルプ daily", "ja", "毎日の実践")]
    public async Task HelpTopic_ByIdOrLocalWord_ShowsTheTopicPage(string text, string language, string title)
    {
        var harness = await OnboardedAsync(language);

        var reply = Assert.Single(await harness.SendAsync(text));

        Assert.Equal(title, reply.Text.Split('\n')[0]);
        Assert.Equal(title, Assert.Single(reply.Sections).Title);
    }

    [Fact]
    public async Task HelpTopic_OneOnOnes_ListsEverySubCommandWithItsUsage()
    {
        var harness = await OnboardedAsync("en");

        var reply = Assert.Single(await harness.SendAsync("help 1on1"));

        var labels = Assert.Single(reply.Sections).Fields.Select(f => f.Label).ToList();
        Assert.Equal(16, labels.Count);
        Assert.Contains("1on1 calendar [reset]", labels);
        Assert.Contains("1on1 setup @person weekly|biweekly|monthly <day> <HH:mm>", labels);
        Assert.Contains("• 1on1 agenda [@person]: The agenda of your next 1-on-1: open action items, talking points, suggested questions.", reply.Text.Split('\n'));
        // Buttons run only what changes nothing.
        Assert.Equal(["1on1 agenda", "1on1 note", "1on1 action", "1on1 list", "help"], reply.Buttons.Select(b => b.Values[CommandActions.TextValue]));
    }

    [Fact]
    public async Task HelpCommand_StateChanging_ExplainsWithoutARunButton()
    {
        var harness = await OnboardedAsync("en");

        var reply = Assert.Single(await harness.SendAsync("help 1on1 accept"));

        Assert.Equal("1on1 accept [@manager]\nAccept a 1-on-1 proposal.", reply.Text);
        Assert.Equal(["help 1on1"], reply.Buttons.Select(b => b.Values[CommandActions.TextValue]));
    }

    [Fact]
    public async Task HelpCommand_ReadOnly_OffersToRunIt()
    {
        var harness = await OnboardedAsync("en");

        var reply = Assert.Single(await harness.SendAsync("help today"));

        Assert.StartsWith("today\nShow today's small step", reply.Text, StringComparison.Ordinal);
        Assert.Equal(["today", "help daily"], reply.Buttons.Select(b => b.Values[CommandActions.TextValue]));
    }

    [Fact]
    public async Task HelpCommand_Japanese_NamesTheJapaneseWord()
    {
        var harness = await OnboardedAsync("ja");

        var reply = Assert.Single(await harness.SendAsync("ヘルプ 今日"));

        Assert.StartsWith("today\n", reply.Text, StringComparison.Ordinal);
        Assert.Contains("「今日、きょう」と入力しても使えます。", reply.Text, StringComparison.Ordinal);
        Assert.Equal("今日", reply.Buttons[0].Label);
    }

    [Fact]
    public async Task HelpUnknown_SuggestsHowToUseTheNearestCommand_AndTheTopics()
    {
        var harness = await OnboardedAsync("en");

        var reply = Assert.Single(await harness.SendAsync("help 1on1 agnda"));

        Assert.True(reply.IsError);
        Assert.Contains("1on1 agnda", reply.Text, StringComparison.Ordinal);
        Assert.Equal(["help 1on1 agenda", "help daily", "help career", "help 1on1", "help team", "help privacy"], reply.Buttons.Select(b => b.Values[CommandActions.TextValue]));
    }

    private static async Task<CoachHarness> OnboardedAsync(string language)
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync();
        if (language != "en")
        {
            await harness.SendAsync("settings language " + language);
        }

        return harness;
    }
}
