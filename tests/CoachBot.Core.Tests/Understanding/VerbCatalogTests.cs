using CoachBot.Content.Loading;
using CoachBot.Core.Conversation;
using CoachBot.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Tests.Understanding;

/// <summary>The catalog, the handlers, the string tables and intents.yaml agree, or the bot does not start.</summary>
public sealed class VerbCatalogTests
{
    [Fact]
    public void Catalog_DescribesExactlyTheVerbsTheHandlersRun()
    {
        var engine = new CoachHarness().Engine;

        Assert.Equal(VerbCatalog.Verbs, engine.Verbs);
        Assert.Equal(VerbCatalog.Verbs.Count, VerbCatalog.Verbs.Distinct(StringComparer.Ordinal).Count());
        Assert.All(VerbCatalog.All, v => Assert.Contains(v.Topic, HelpTopic.All));
        Assert.All(HelpTopic.All, t => Assert.NotEmpty(VerbCatalog.InTopic(t)));
    }

    [Fact]
    public void Engine_HandlerVerbNotInTheCatalog_RefusesToStart()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ConversationEngine(
            new InMemoryUserStore(), CoachHarness.Content, [new Dance()], [], [], new CommandReader(CoachHarness.Content), TimeProvider.System,
            Options.Create(new CoachingOptions()), NullLogger<ConversationEngine>.Instance));

        Assert.Contains("dance", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void Strings_EveryVerbAndTopicHasItsHelpText(string language)
    {
        var strings = CoachHarness.Content.For(language).Strings;

        Assert.All(VerbCatalog.All, v => Assert.True(strings.Contains($"verb.{v.Key}.usage") && strings.Contains($"verb.{v.Key}.help"), v.Verb));
        Assert.All(HelpTopic.All, t => Assert.True(strings.Contains(HelpTopic.TitleKey(t)) && strings.Contains(HelpTopic.WordsKey(t)), t));
    }

    [Fact]
    public void ShippedIntents_EveryWordAndPhraseRunsAKnownVerb() => Assert.Empty(CommandReader.Check(CoachHarness.Content));

    [Fact]
    public void ShippedJapanese_HasAWordForEveryVerb()
    {
        var reader = new CommandReader(CoachHarness.Content);

        Assert.All(VerbCatalog.Verbs, v => Assert.NotEmpty(reader.WordsFor(v, "ja")));
    }

    [Fact]
    public void Check_IntentOfAnUnknownVerb_NamesFileLineAndTheVerbs()
    {
        var root = CopyOfShippedContent();
        try
        {
            var path = Path.Combine(root, "ja", "intents.yaml");
            var lines = File.ReadAllLines(path).ToList();
            var id = lines.FindIndex(l => l.Trim() == "- id: progress");
            lines[id + 1] = "    command: progres";
            File.WriteAllLines(path, lines);
            var en = Path.Combine(root, "en", "intents.yaml");
            File.WriteAllText(en, File.ReadAllText(en).Replace("command: progress", "command: progres", StringComparison.Ordinal));

            var ex = Assert.Throws<ContentValidationException>(() => new CommandReader(ContentLoader.Load(root)));

            Assert.Contains(ex.Problems, p => p.File == "ja/intents.yaml" && p.Line == id + 1 && p.Reason.Contains("'progres'", StringComparison.Ordinal)
                && p.Reason.Contains("1on1 agenda", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string CopyOfShippedContent()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "content");
        var root = Path.Combine(Path.GetTempPath(), "coachbot-intents-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(shipped, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return root;
    }

    private sealed class Dance : ICommandHandler
    {
        public IReadOnlyList<string> Verbs { get; } = ["dance"];

        public Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken) =>
            Task.FromResult(Reply.Plain("♪"));
    }
}
