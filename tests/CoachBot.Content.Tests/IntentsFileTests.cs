using CoachBot.Content.Loading;
using CoachBot.Content.Model;

namespace CoachBot.Content.Tests;

/// <summary>
/// content/&lt;lang&gt;/intents.yaml: its shape, no phrase or word listed twice, and the same intents doing the same in
/// every language. That each command starts with a real verb is checked where the verbs are known (CoachBot.Core's
/// CommandReader.Check, run at start-up and by CoachBot.Core.Tests' VerbCatalogTests).
/// </summary>
public sealed class IntentsFileTests
{
    [Fact]
    public void Load_ShippedIntents_HaveTheSameIntentsAndCommandsInBothLanguages()
    {
        var library = ContentLoader.Load(ContentFolder.Shipped);

        var en = library.For("en").Intents;
        var ja = library.For("ja").Intents;
        Assert.True(en.Intents.Count >= 10, $"only {en.Intents.Count} intents");
        Assert.Equal(en.Intents.Select(i => (i.Id, i.Command)), ja.Intents.Select(i => (i.Id, i.Command)));
        Assert.All(en.Intents.Concat(ja.Intents), i => Assert.True(i.Phrases.Count >= 2, i.Id));
        Assert.Contains(en.Intents, i => i.Command == "done" && i.Phrases.Contains("I did it"));
        Assert.Contains(ja.Intents, i => i.Command == "progress" && i.Phrases.Contains("進捗を見せて"));
    }

    [Fact]
    public void Load_ShippedJapaneseWords_CoverEveryEverydayVerb()
    {
        var words = ContentLoader.Load(ContentFolder.Shipped).For("ja").Intents.Words;

        foreach (var (word, command) in new[]
        {
            ("ヘルプ", "help"), ("今日", "today"), ("完了", "done"), ("記録", "log"), ("進捗", "progress"), ("スキル", "skills"),
            ("読書", "reading"), ("ホーム", "home"), ("キャリアパス", "path"), ("役割", "roles"), ("設定", "settings"),
            ("はじめる", "start"), ("エクスポート", "export"),
        })
        {
            Assert.Contains(new CommandWord(word, command, 0), words.Select(w => w with { Line = 0 }));
        }
    }

    [Theory]
    [InlineData("How am I doing?", "howamidoing")]
    [InlineData("  how   AM i doing ?! ", "howamidoing")]
    [InlineData("ｈｏｗ ａｍ Ｉ ｄｏｉｎｇ？", "howamidoing")]
    [InlineData("what's next?", "whatsnext")]
    [InlineData("1-on-1s", "1on1s")]
    [InlineData("進捗を見せて。", "進捗を見せて")]
    [InlineData("進捗を　見せて！", "進捗を見せて")]
    [InlineData("ｼﾝﾁｮｸ", "シンチョク")]
    [InlineData("?!", "")]
    public void PhraseKey_IgnoresCaseWidthPunctuationAndSpaces(string text, string key) => Assert.Equal(key, PhraseKey.Of(text));

    [Fact]
    public void Load_SamePhraseTwice_FailsNamingBothIntents()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("en/intents.yaml").ToList();
        var index = lines.FindIndex(l => l.Contains("\"how am I doing?\"", StringComparison.Ordinal));
        lines.Insert(lines.FindIndex(l => l.Contains("\"I did it\"", StringComparison.Ordinal)) + 1, lines[index].Replace("how am I doing?", "How am I doing!", StringComparison.Ordinal));
        folder.Write("en/intents.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("en/intents.yaml", problem.File);
        // Reported where the phrase comes again (under progress), naming where it was first.
        Assert.Contains("intents[3] 'progress': phrase 'how am I doing?'", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("intent 'done'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameWordForTwoCommands_Fails()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/intents.yaml").ToList();
        lines[lines.FindIndex(l => l.Contains("[ホーム]", StringComparison.Ordinal))] = "    words: [ホーム, 今日]";
        folder.Write("ja/intents.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "ja/intents.yaml" && p.Reason.Contains("'今日' is listed twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_IntentMissingInOneLanguage_FailsNamingIt()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/intents.yaml").ToList();
        var start = lines.FindIndex(l => l.Trim() == "- id: skills");
        var end = lines.FindIndex(start + 1, l => l.TrimStart().StartsWith("- id:", StringComparison.Ordinal));
        lines.RemoveRange(start, end - start);
        folder.Write("ja/intents.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("ja/intents.yaml", problem.File);
        Assert.Contains("'skills'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IntentRunningAnotherCommandInOneLanguage_Fails()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/intents.yaml").ToList();
        var id = lines.FindIndex(l => l.Trim() == "- id: progress");
        lines[id + 1] = "    command: home";
        folder.Write("ja/intents.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("ja/intents.yaml", (long)id + 1), (problem.File, problem.Line));
        Assert.Contains("runs 'home' here but 'progress' in en/intents.yaml", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFieldInAnIntent_FailsNamingIt()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("en/intents.yaml").ToList();
        var id = lines.FindIndex(l => l.Trim() == "- id: today");
        lines.Insert(id + 1, "    comand: today");
        folder.Write("en/intents.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "en/intents.yaml" && p.Reason.Contains("unknown field 'comand'", StringComparison.Ordinal));
    }
}
