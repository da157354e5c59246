using System.Text.Json.Nodes;

namespace CoachBot.Infra.Tests;

/// <summary>infra/main.bicep compiled once per test run, and helpers to find resources in the ARM JSON.</summary>
internal static class Templates
{
    private static readonly Lazy<Task<JsonObject>> Main = new(CompileMainAsync);

    public static Task<JsonObject> MainAsync() => Main.Value;

    public static string ResourcesBicep => File.ReadAllText(Path.Combine(Repository.Infra, "resources.bicep"));

    /// <summary>Every resource of the template, nested deployments (Bicep modules) included.</summary>
    public static IEnumerable<JsonObject> AllResources(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static JsonObject Single(JsonObject template, string type)
    {
        var matches = AllResources(template).Where(r => (string?)r["type"] == type).ToList();
        Assert.True(matches.Count == 1, $"expected one {type}, found {matches.Count}");
        return matches[0];
    }

    private static async Task<JsonObject> CompileMainAsync()
    {
        var result = await BicepCli.RunAsync(null, "build", Path.Combine(Repository.Infra, "main.bicep"), "--stdout");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }
}
