using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoachBot.Infra.Tests;

/// <summary>
/// docs/deploy.md, the parameter files and the template name the same variables, so a renamed parameter cannot leave
/// the walkthrough setting something nothing reads.
/// </summary>
public sealed partial class DeployDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(Repository.Root, "docs", "deploy.md"));

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]+)(?:=[^}]*)?\}")]
    private static partial Regex AzdReference();

    [GeneratedRegex(@"readEnvironmentVariable\('(?<name>[A-Z0-9_]+)'")]
    private static partial Regex BicepParamReference();

    [GeneratedRegex(@"azd env set (?<name>[A-Z0-9_]+) ")]
    private static partial Regex AzdEnvSet();

    [GeneratedRegex(@"(?:export |\s)(?<name>[A-Z][A-Z0-9_]+)=")]
    private static partial Regex ShellExport();

    [GeneratedRegex(@"azd env get-value (?<name>[A-Z0-9_]+)")]
    private static partial Regex AzdEnvGet();

    private static HashSet<string> AzdVariables() =>
        AzdReference().Matches(File.ReadAllText(Path.Combine(Repository.Infra, "main.parameters.json"))).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void BothParameterFiles_ReadTheSameVariables()
    {
        var bicepParam = BicepParamReference().Matches(File.ReadAllText(Path.Combine(Repository.Infra, "deploy.bicepparam")))
            .Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var azd = AzdVariables();
        Assert.True(azd.Count >= 16, $"found only {azd.Count} variables in main.parameters.json");
        Assert.Equal(azd.Order(StringComparer.Ordinal), bicepParam.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryVariableTheWalkthroughSets_IsReadByTheParameters_AndEveryParameterVariableIsExplained()
    {
        var azd = AzdVariables();
        var set = AzdEnvSet().Matches(Doc).Select(m => m.Groups["name"].Value)
            .Concat(ShellExport().Matches(Doc).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("SLACK_SIGNING_SECRET", set);
        var unread = set.Where(v => !azd.Contains(v)).ToList();
        Assert.True(unread.Count == 0, "docs/deploy.md sets variables no parameter reads: " + string.Join(", ", unread));
        var unexplained = azd.Where(v => !Doc.Contains(v, StringComparison.Ordinal)).ToList();
        Assert.True(unexplained.Count == 0, "docs/deploy.md never mentions: " + string.Join(", ", unexplained));
    }

    [Fact]
    public async Task EveryValueTheWalkthroughReadsBack_IsAnOutputOrAValueItSet()
    {
        var outputs = (await Templates.MainAsync())["outputs"]!.AsObject().Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var azd = AzdVariables();
        var read = AzdEnvGet().Matches(Doc).Select(m => m.Groups["name"].Value).ToList();
        Assert.Contains("SERVICE_WEB_HOST", read);
        Assert.All(read, name => Assert.True(outputs.Contains(name) || azd.Contains(name), $"azd env get-value {name}: no such output or parameter variable"));
    }

    [Fact]
    public void TheSlackUrlsTheWalkthroughLists_AreTheManifests()
    {
        var manifest = File.ReadAllText(Path.Combine(Repository.Root, "bot", "manifests", "slack-app.yml"));
        foreach (var path in new[] { "/slack/events", "/slack/commands", "/slack/interactions", "/slack/oauth" })
        {
            Assert.Contains($"https://<host>{path}`", Doc, StringComparison.Ordinal);
            Assert.Contains($"https://coachbot.example.com{path}\n", manifest, StringComparison.Ordinal);
        }

        Assert.Contains("bot/manifests/teams/package.sh", Doc, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "bot", "manifests", "teams", "package.sh")));
    }

    [Fact]
    public void TheOutputsTheWalkthroughNeeds_AreDeclared()
    {
        var main = File.ReadAllText(Path.Combine(Repository.Infra, "main.bicep"));
        foreach (var output in new[] { "SERVICE_WEB_HOST", "SERVICE_WEB_URI", "AZURE_CONTAINER_REGISTRY_NAME", "AZURE_CONTAINER_REGISTRY_ENDPOINT" })
        {
            Assert.Matches($@"(?m)^output {output} string = ", main);
        }

        Assert.NotNull(JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Infra, "main.parameters.json"))));
    }
}
