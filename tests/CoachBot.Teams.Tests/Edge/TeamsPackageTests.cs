using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// The package docs/deploy.md tells an operator to build (<c>bot/manifests/teams/package.sh</c>): it holds the manifest
/// with the app id, host and the build's version, the Japanese localisation with every localisable string translated,
/// and the icons. Starts bash and the .NET SDK, hence Slow.
/// </summary>
[Trait("Category", "Slow")]
public sealed class TeamsPackageTests : IDisposable
{
    private const string AppId = "5c1d7e0a-3b2f-4c6d-9e8f-0a1b2c3d4e5f";

    private readonly string _folder = Directory.CreateTempSubdirectory("coachbot-teams-package-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ThePackage_HasTheBuildsVersion_AndEveryLocalisableStringInJapanese()
    {
        var zipPath = Path.Combine(_folder, "coachbot-teams.zip");

        var (exitCode, output) = await PackageAsync(AppId, "coach.example.org", zipPath);

        Assert.True(exitCode == 0, output);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "ja.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        var manifest = Read(zip, "manifest.json");
        var japanese = Read(zip, "ja.json");
        Assert.Equal(BuildVersion(), (string?)manifest["version"]);
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal("https://coach.example.org/terms", (string?)manifest["developer"]!["termsOfUseUrl"]);
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("ja.json", (string?)manifest["localizationInfo"]!["additionalLanguages"]![0]!["file"]);
        foreach (var (key, english) in TeamsLocalisation.LocalisableStrings(manifest))
        {
            var translated = (string?)japanese[key];
            Assert.False(string.IsNullOrWhiteSpace(translated), $"ja.json has no {key}");
            if (key != "name.short")
            {
                Assert.NotEqual(english, translated);
            }
        }
    }

    [Fact]
    public async Task AHostWithAPath_IsRefused_WithWhatToGive()
    {
        var (exitCode, output) = await PackageAsync(AppId, "https://coach.example.org/x", Path.Combine(_folder, "x.zip"));

        Assert.Equal(2, exitCode);
        Assert.Contains("Give the public host name of CoachBot", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "x.zip")));
    }

    private static JsonObject Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static string BuildVersion() =>
        XDocument.Load(Path.Combine(TeamsManifestTests.RepositoryRoot(), "Directory.Build.props")).Descendants("Version").Single().Value;

    private static async Task<(int ExitCode, string Output)> PackageAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TeamsManifestTests.Folder, "package.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
