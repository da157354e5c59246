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
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "bot", "manifests", "teams");

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
    public void Manifest_PrivacyUrl_IsTheHostsPrivacyPage()
    {
        Assert.Equal("https://{{PUBLIC_HOST}}/privacy", (string?)Manifest()["developer"]!["privacyUrl"]);
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

        var titles = Manifest()["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Select(c => (string)c!["title"]!);

        Assert.All(titles, title => Assert.Contains(title, verbs));
    }

    private static JsonObject Manifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.AsObject();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoachBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CoachBot.sln not found above the test output");
    }
}
