using System.Text.Json.Nodes;

namespace CoachBot.Infra.Tests;

/// <summary>
/// What the compiled template deploys: no storage key anywhere, the identity with exactly the roles it needs, the
/// Container App shaped for the in-process scheduler, secrets from Key Vault, and the Azure Bot only with Teams.
/// </summary>
public sealed class KeylessTemplateTests
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string AcrPull = "7f951dda-4ed3-4680-a7ca-43fe172d538d";

    public static TheoryData<string> InfraFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repository.Infra, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repository.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InfraFiles))]
    public void NoInfraFile_MentionsAnAccountKeyOrListsKeys(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, file));
        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys(", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("primaryKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedKey", text.Replace("allowSharedKeyAccess: false", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheCompiledTemplate_HasNoKeyFunctionEither()
    {
        var json = (await Templates.MainAsync()).ToJsonString();
        Assert.DoesNotContain("listKeys(", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listSecrets(", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheStorageAccount_RefusesSharedKeysAndPlainHttp()
    {
        var storage = Templates.Single(await Templates.MainAsync(), "Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.True((bool)storage["supportsHttpsTrafficOnly"]!);
        Assert.False((bool)storage["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
    }

    [Fact]
    public async Task TheIdentity_GetsTableDataSecretsUserAndAcrPull_OnTheirResources()
    {
        var template = await Templates.MainAsync();
        var assignments = Templates.AllResources(template).Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments").ToList();
        Assert.Equal(3, assignments.Count);
        var roles = NestedTemplate(template, "Microsoft.Authorization/roleAssignments")["variables"]!["roles"]!.AsObject()
            .ToDictionary(r => r.Key, r => (string?)r.Value, StringComparer.Ordinal);
        foreach (var (role, scope) in new[] { (StorageTableDataContributor, "Microsoft.Storage/storageAccounts"), (KeyVaultSecretsUser, "Microsoft.KeyVault/vaults"), (AcrPull, "Microsoft.ContainerRegistry/registries") })
        {
            var key = Assert.Single(roles, r => r.Value == role).Key;
            var assignment = Assert.Single(assignments, a => ((string?)a["properties"]!["roleDefinitionId"])!.Contains($"variables('roles').{key})", StringComparison.Ordinal));
            Assert.Contains("Microsoft.Authorization/roleDefinitions", (string?)assignment["properties"]!["roleDefinitionId"], StringComparison.Ordinal);
            Assert.Contains(scope, (string?)assignment["scope"], StringComparison.Ordinal);
            Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", assignment["properties"]!["principalId"]!.ToString(), StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
        }

        var vault = Templates.Single(template, "Microsoft.KeyVault/vaults")["properties"]!;
        Assert.True((bool)vault["enableRbacAuthorization"]!);
        var registry = Templates.Single(template, "Microsoft.ContainerRegistry/registries")["properties"]!;
        Assert.False((bool)registry["adminUserEnabled"]!);
    }

    [Fact]
    public async Task TheContainerApp_AlwaysKeepsOneReplica_ListensOn8080_AndProbesHealthzAndReadyz()
    {
        var template = await Templates.MainAsync();
        var app = Templates.Single(template, "Microsoft.App/containerApps");
        var properties = app["properties"]!;
        var scale = properties["template"]!["scale"]!;
        Assert.Equal(1, (int)scale["minReplicas"]!);
        Assert.Equal("[parameters('maxReplicas')]", (string?)scale["maxReplicas"]);
        var ingress = properties["configuration"]!["ingress"]!;
        Assert.True((bool)ingress["external"]!);
        Assert.False((bool)ingress["allowInsecure"]!);
        Assert.Equal("[variables('targetPort')]", (string?)ingress["targetPort"]);

        var resources = NestedTemplate(template, "Microsoft.App/containerApps");
        Assert.Equal(8080, (int)resources["variables"]!["targetPort"]!);
        var probes = resources["variables"]!["httpProbes"]!.AsArray();
        Assert.Equal("/healthz", (string?)probes.Single(p => (string?)p!["type"] == "Liveness")!["httpGet"]!["path"]);
        Assert.Equal("/readyz", (string?)probes.Single(p => (string?)p!["type"] == "Readiness")!["httpGet"]!["path"]);
        Assert.Equal("[if(variables('usePlaceholder'), variables('placeholderProbes'), variables('httpProbes'))]",
            (string?)properties["template"]!["containers"]![0]!["probes"]);

        Assert.Equal("UserAssigned", (string?)app["identity"]!["type"]);
        Assert.Equal("Single", (string?)properties["configuration"]!["activeRevisionsMode"]);
        var registry = properties["configuration"]!["registries"]![0]!;
        Assert.Contains("userAssignedIdentities", registry["identity"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EverySecret_IsAKeyVaultReferenceReadWithTheIdentity()
    {
        var app = Templates.Single(await Templates.MainAsync(), "Microsoft.App/containerApps");
        var secrets = app["properties"]!["configuration"]!["copy"]!.AsArray().Single(c => (string?)c!["name"] == "secrets")!["input"]!.AsObject();
        Assert.Equal(["name", "keyVaultUrl", "identity"], secrets.Select(p => p.Key));
        Assert.Contains("vaultUri", secrets["keyVaultUrl"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", secrets["identity"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAzureBot_IsKeylessByDefault_PointsAtApiMessages_HasTheTeamsChannel_AndExistsOnlyWithTeams()
    {
        var template = await Templates.MainAsync();
        var bot = Templates.Single(template, "Microsoft.BotService/botServices");
        Assert.Equal("[parameters('enableTeams')]", (string?)bot["condition"]);
        var properties = bot["properties"]!;
        Assert.Equal("[if(variables('teamsKeyless'), 'UserAssignedMSI', 'SingleTenant')]", (string?)properties["msaAppType"]);
        Assert.StartsWith("[if(variables('teamsKeyless'), reference(", (string?)properties["msaAppId"], StringComparison.Ordinal);
        Assert.Contains("clientId, parameters('teamsAppId'))]", (string?)properties["msaAppId"], StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", (string?)properties["msaAppMSIResourceId"], StringComparison.Ordinal);
        Assert.Equal("ManagedIdentity", (string?)template["parameters"]!["teamsCredential"]!["defaultValue"]);
        Assert.Equal("[parameters('teamsTenantId')]", (string?)properties["msaAppTenantId"]);
        Assert.Contains("/api/messages", (string?)properties["endpoint"], StringComparison.Ordinal);
        Assert.StartsWith("[format('{0}/api/messages', format('https://", (string?)properties["endpoint"], StringComparison.Ordinal);

        var channel = Templates.Single(template, "Microsoft.BotService/botServices/channels");
        Assert.Equal("[parameters('enableTeams')]", (string?)channel["condition"]);
        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]!["channelName"]);
    }

    [Fact]
    public async Task LogsGoToTheWorkspace_AndApplicationInsightsIsWorkspaceBased()
    {
        var template = await Templates.MainAsync();
        var insights = Templates.Single(template, "Microsoft.Insights/components")["properties"]!;
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)insights["WorkspaceResourceId"], StringComparison.Ordinal);
        var environment = Templates.Single(template, "Microsoft.App/managedEnvironments")["properties"]!;
        Assert.Equal("azure-monitor", (string?)environment["appLogsConfiguration"]!["destination"]);
        var diagnostics = Templates.Single(template, "Microsoft.Insights/diagnosticSettings");
        Assert.Contains("Microsoft.App/managedEnvironments", (string?)diagnostics["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheResourceGroup_CarriesTheAzdEnvironmentTag()
    {
        var template = await Templates.MainAsync();
        var group = Templates.Single(template, "Microsoft.Resources/resourceGroups");
        Assert.Equal("[variables('tags')]", (string?)group["tags"]);
        Assert.Equal("[parameters('environmentName')]", (string?)template["variables"]!["tags"]!["azd-env-name"]);
    }

    private static JsonObject NestedTemplate(JsonObject template, string containing) =>
        Templates.AllResources(template)
            .Select(r => r["properties"]?["template"])
            .OfType<JsonObject>()
            .Single(t => Templates.AllResources(t).Any(r => (string?)r["type"] == containing) && t["variables"] is not null);
}
