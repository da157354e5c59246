using System.Text.Json.Nodes;

namespace CoachBot.Infra.Tests;

/// <summary>
/// The templates compile with the Bicep CLI from the NuGet package, with the linter on (infra/bicepconfig.json) and
/// not one warning; the azd and az parameter files match main.bicep's parameters.
/// </summary>
[Trait("Category", "Slow")]
public sealed class BicepBuildTests
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Repository.BicepFiles)
        {
            data.Add(Path.GetRelativePath(Repository.Root, file));
        }

        return data;
    }

    [Fact]
    public void InfraHoldsTheEntryPointAndItsModule()
    {
        var names = Repository.BicepFiles.Select(Path.GetFileName).ToList();
        Assert.Contains("main.bicep", names);
        Assert.Contains("resources.bicep", names);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task EveryBicepFile_BuildsWithNoErrorAndNoLinterWarning(string file)
    {
        var output = Directory.CreateTempSubdirectory("coachbot-bicep-");
        try
        {
            var result = await BicepCli.RunAsync(null, "build", Path.Combine(Repository.Root, file), "--outdir", output.FullName);
            Assert.True(result.ExitCode == 0, result.ToString());
            // Diagnostics (errors, warnings, linter findings) are written to stderr, one per line.
            Assert.True(string.IsNullOrWhiteSpace(result.Stderr), $"{file} has diagnostics:\n{result.Stderr}");
            var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output.FullName, Path.ChangeExtension(Path.GetFileName(file), ".json"))));
            Assert.NotNull(json?["resources"]);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TheLinterConfiguration_ReportsAViolationAsAWarning_SoASilentBuildMeansAClean()
    {
        // Same config, a template that breaks three rules: if these were not reported, a clean build above would prove nothing.
        var dir = Directory.CreateTempSubdirectory("coachbot-bicep-lint-");
        try
        {
            File.Copy(Path.Combine(Repository.Infra, "bicepconfig.json"), Path.Combine(dir.FullName, "bicepconfig.json"));
            var file = Path.Combine(dir.FullName, "bad.bicep");
            await File.WriteAllTextAsync(file, """
                param unused string
                param storageAccountKey string = 'not-a-secure-param'
                output portal string = 'https://management.azure.com/${storageAccountKey}'
                """);
            var result = await BicepCli.RunAsync(null, "build", file, "--stdout");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Warning no-unused-params", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("Warning no-hardcoded-env-urls", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("Warning secure-secrets-in-params", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TheAzParameterFile_TakesEveryValueFromTheEnvironment_AndRefusesToBuildWithoutTheRequiredOnes()
    {
        var file = Path.Combine(Repository.Infra, "deploy.bicepparam");
        var environment = new Dictionary<string, string>
        {
            ["AZURE_ENV_NAME"] = "coachbot-test",
            ["AZURE_LOCATION"] = "westeurope",
            ["COACHBOT_ENABLE_TEAMS"] = "true",
            ["TEAMS_APP_ID"] = "00000000-0000-0000-0000-000000000001",
            ["CHARTS_SIGNING_KEY"] = "charts-key-from-the-shell",
            ["PRIVACY_REFLECTION_ANSWER_KEY"] = "answer-key-from-the-shell",
        };
        var built = await BicepCli.RunAsync(environment, "build-params", file, "--stdout");
        Assert.True(built.ExitCode == 0, built.ToString());
        Assert.True(string.IsNullOrWhiteSpace(built.Stderr), built.Stderr);
        var parameters = JsonNode.Parse(JsonNode.Parse(built.Stdout)!["parametersJson"]!.GetValue<string>())!["parameters"]!;
        Assert.Equal("coachbot-test", (string?)parameters["environmentName"]!["value"]);
        Assert.True((bool)parameters["enableTeams"]!["value"]!);
        Assert.True((bool)parameters["enableSlack"]!["value"]!);
        Assert.Equal(3, (int)parameters["maxReplicas"]!["value"]!);
        Assert.Equal("charts-key-from-the-shell", (string?)parameters["chartsSigningKey"]!["value"]);

        var withoutKeys = environment.Where(e => !e.Key.Contains("KEY", StringComparison.Ordinal)).ToDictionary();
        var refused = await BicepCli.RunAsync(withoutKeys, "build-params", file, "--stdout");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("CHARTS_SIGNING_KEY", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("PRIVACY_REFLECTION_ANSWER_KEY", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzdParameterFile_GivesEveryRequiredParameter_AndNamesNoParameterMainBicepLacks()
    {
        var template = await Templates.MainAsync();
        var declared = template["parameters"]!.AsObject();
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Infra, "main.parameters.json")))!["parameters"]!.AsObject();

        foreach (var (name, _) in file)
        {
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare");
        }

        foreach (var (name, definition) in declared)
        {
            Assert.True(file.ContainsKey(name) || definition!["defaultValue"] is not null,
                $"main.bicep's {name} has no default and main.parameters.json does not set it");
            if (file[name]?["value"]?.GetValue<string>() is { } value)
            {
                Assert.Matches(@"^\$\{[A-Z0-9_]+(=[^}]*)?\}$", value);
            }
        }

        // azd passes these two itself; the others are the operator's (docs/deploy.md).
        Assert.Equal("${AZURE_ENV_NAME}", (string?)file["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)file["location"]!["value"]);
        Assert.Equal("${SERVICE_WEB_IMAGE_NAME=}", (string?)file["webImageName"]!["value"]);
    }

    [Fact]
    public async Task EverySecretParameter_IsSecure_AndNoOutputCarriesOne()
    {
        var template = await Templates.MainAsync();
        var parameters = template["parameters"]!.AsObject();
        foreach (var name in new[] { "slackSigningSecret", "slackBotToken", "slackClientSecret", "slackTokenEncryptionKey", "teamsAppPassword", "chartsSigningKey", "reflectionAnswerKey" })
        {
            Assert.Equal("securestring", (string?)parameters[name]!["type"]);
        }

        var outputs = template["outputs"]!.ToJsonString();
        Assert.DoesNotContain("Secret", outputs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Password", outputs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Token')", outputs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzureYaml_BuildsTheRootDockerfileForAContainerAppServiceThatTheTemplateTags()
    {
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, object>>(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "azure.yaml")));
        var services = Assert.IsType<Dictionary<object, object>>(yaml["services"]);
        var (name, value) = Assert.Single(services);
        var service = Assert.IsType<Dictionary<object, object>>(value);
        Assert.Equal("containerapp", service["host"]);
        Assert.Equal("docker", service["language"]);
        var docker = Assert.IsType<Dictionary<object, object>>(service["docker"]);
        Assert.True(File.Exists(Path.Combine(Repository.Root, (string)service["project"], (string)docker["path"])), "azure.yaml's Dockerfile is missing");

        var app = Templates.Single(await Templates.MainAsync(), "Microsoft.App/containerApps");
        Assert.Contains($"'azd-service-name', '{name}'", (string?)app["tags"], StringComparison.Ordinal);
        var outputs = (await Templates.MainAsync())["outputs"]!.AsObject();
        foreach (var output in new[] { "AZURE_CONTAINER_REGISTRY_ENDPOINT", "AZURE_RESOURCE_GROUP", "AZURE_LOCATION", $"SERVICE_{((string)name).ToUpperInvariant()}_URI" })
        {
            Assert.True(outputs.ContainsKey(output), $"main.bicep has no output {output}");
        }
    }
}
