using System.Buffers.Binary;
using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>The Teams app package sources: a manifest of the current schema, icons of the sizes Teams requires, and
/// suggested commands the bot really understands.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TeamsManifestTests
{
    internal static readonly string Folder = Path.Combine(RepositoryRoot(), "bot", "manifests", "teams");

    private readonly AzuriteFixture _azurite;

    public TeamsManifestTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public void Manifest_NamesItsSchemaVersion_AndTheRequiredFields()
    {
        var manifest = Manifest();

        var version = (string)manifest["manifestVersion"]!;
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        foreach (var field in new[] { "id", "version", "developer", "name", "description", "icons", "accentColor", "bots" })
        {
            Assert.NotNull(manifest[field]);
        }

        Assert.True(((string)manifest["name"]!["short"]!).Length <= 30);
        Assert.True(((string)manifest["description"]!["short"]!).Length <= 80);
        Assert.Equal("{{TEAMS_APP_ID}}", (string?)manifest["bots"]![0]!["botId"]);
    }

    [Fact]
    public void Manifest_PrivacyAndTermsUrls_AreTheHostsPublicPages()
    {
        Assert.Equal("https://{{PUBLIC_HOST}}/privacy", (string?)Manifest()["developer"]!["privacyUrl"]);
        Assert.Equal("https://{{PUBLIC_HOST}}/terms", (string?)Manifest()["developer"]!["termsOfUseUrl"]);
    }

    [Fact]
    public void Manifest_IsLocalisedToJapanese_InAFileOfTheSameSchemaVersion()
    {
        var manifest = Manifest();
        var info = manifest["localizationInfo"]!;
        var japanese = info["additionalLanguages"]!.AsArray().Single()!;
        var file = (string)japanese["file"]!;
        var localisation = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();

        Assert.Equal("en-us", (string?)info["defaultLanguageTag"]);
        Assert.Equal("ja-jp", (string?)japanese["languageTag"]);
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{(string)manifest["manifestVersion"]!}/MicrosoftTeams.Localization.schema.json",
            (string?)localisation["$schema"]);
        Assert.Equal(TeamsLocalisation.LocalisableStrings(manifest).Keys.Order(), localisation.Select(p => p.Key).Where(k => k != "$schema").Order());
    }

    [Fact]
    public void JapaneseCommandTitles_AreWordsTheJapaneseContentKnows_ForTheSameCommand()
    {
        var manifest = Manifest();
        var localisation = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "ja.json")))!.AsObject();
        var words = File.ReadAllText(Path.Combine(RepositoryRoot(), "content", "ja", "intents.yaml"));
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();

        // Every scope's list (personal; team, where the team reflection commands are).
        for (var l = 0; l < lists.Count; l++)
        {
            var commands = lists[l]!["commands"]!.AsArray();
            for (var i = 0; i < commands.Count; i++)
            {
                var english = (string)commands[i]!["title"]!;
                var japanese = (string)localisation[$"bots[0].commandLists[{l}].commands[{i}].title"]!;
                var line = "  - command: " + System.Text.RegularExpressions.Regex.Escape(english) + @"\r?\n    words: \[([^\]]*)\]";
                var match = System.Text.RegularExpressions.Regex.Match(words, line);
                Assert.True(match.Success, $"content/ja/intents.yaml has no words for '{english}'");
                Assert.Contains(japanese, match.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries));
                Assert.True(((string)commands[i]!["description"]!).Length <= 128);
                Assert.True(((string)localisation[$"bots[0].commandLists[{l}].commands[{i}].description"]!).Length <= 128);
            }
        }

        Assert.True(((string)localisation["name.short"]!).Length <= 30);
        Assert.True(((string)localisation["description.short"]!).Length <= 80);
        Assert.True(((string)localisation["name.full"]!).Length <= 100);
        Assert.True(((string)localisation["description.full"]!).Length <= 4000);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_HaveTheSizesTeamsRequires(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    [Fact]
    public async Task SuggestedCommands_AreVerbsTheBotKnows()
    {
        await using var host = await TeamsHost.StartAsync(_azurite);
        var verbs = host.Services.GetRequiredService<ConversationEngine>().Verbs;

        var titles = Manifest()["bots"]![0]!["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).Select(c => (string)c!["title"]!).ToList();

        Assert.Contains("team reflection on", titles);
        Assert.All(titles, title => Assert.Contains(title, verbs));
    }

    internal static JsonObject Manifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.AsObject();

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoachBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CoachBot.sln not found above the test output");
    }
}
