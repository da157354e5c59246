using System.Text.RegularExpressions;
using CoachBot.Host.Charts;
using CoachBot.Host.Local;
using CoachBot.Slack;
using CoachBot.Slack.Install;
using CoachBot.Storage;
using CoachBot.Storage.Reflections;
using CoachBot.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CoachBot.Infra.Tests;

/// <summary>
/// The Container App's environment variables against the host's code: each CoachBot setting it sets is a property
/// the configuration binder would set (so renaming an option breaks this build, not a deployment), anything else is
/// a platform variable on the list below, and every Slack / Teams combination the parameters allow gives settings
/// the host accepts in production mode.
/// </summary>
public sealed partial class ContainerAppSettingsTests
{
    /// <summary>
    /// Variables the host does not bind into an options class, each read by the platform or a library by this name.
    /// </summary>
    private static readonly HashSet<string> PlatformVariables = new(StringComparer.Ordinal)
    {
        // Azure.Identity's DefaultAzureCredential reads it to choose the user-assigned managed identity (ADR 0027).
        "AZURE_CLIENT_ID",
        // The Application Insights / Azure Monitor SDKs' standard name for where to send telemetry.
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    };

    /// <summary>ASP.NET Core reads these itself (e.g. ASPNETCORE_HTTP_PORTS, which the Dockerfile sets).</summary>
    private const string AspNetCorePrefix = "ASPNETCORE_";

    private static readonly SettingsCatalog Catalog = SettingsCatalog.FromHost();

    [GeneratedRegex(@"\{\s*name:\s*'(?<name>[^']+)',\s*(?:value|secretRef):")]
    private static partial Regex EnvEntry();

    [GeneratedRegex(@"setting:\s*'(?<name>[^']+)'")]
    private static partial Regex SecretSetting();

    [GeneratedRegex(@"'(?<name>[A-Za-z][A-Za-z0-9]*(?:__[A-Za-z0-9]+)+)'")]
    private static partial Regex SettingLikeLiteral();

    [Fact]
    public void TheCatalog_FindsEveryOptionsSectionTheHostBinds()
    {
        var sections = Catalog.Sections.Select(s => s.Section).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in new[] { "Slack", "Slack:SocketMode", "Teams", "Storage", "Privacy", "Local", "Telemetry", "Charts", "Exports", "Coaching", "Scheduler" })
        {
            Assert.Contains(expected, sections);
        }

        Assert.Contains(Catalog.Sections, s => s.Section == "Slack" && s.Options == typeof(SlackInstallOptions));
    }

    [Theory]
    [InlineData("Storage__ServiceUri")]
    [InlineData("storage__serviceuri")]
    [InlineData("Slack__SocketMode__MinReconnectDelay")]
    [InlineData("Slack__TokenEncryptionKey")]
    [InlineData("Slack__BotToken")]
    [InlineData("Scheduler__PrepHoursBefore__0")]
    [InlineData("Scheduler__ChannelConcurrency__slack")]
    [InlineData("Teams__AllowedCallers__0")]
    [InlineData("Privacy__ReflectionAnswerKey")]
    public void TheCatalog_AcceptsSettingsTheHostBinds(string variable) => Assert.Null(Catalog.Explain(variable));

    [Theory]
    [InlineData("Storage__ServiceUrl")]
    [InlineData("Storage__IsKeyless")]
    [InlineData("Slack__SocketMode__Nope")]
    [InlineData("Slack__HasBotToken")]
    [InlineData("Scheduler__PrepHoursBefore__first")]
    [InlineData("Scheduler__ChannelConcurrency")]
    [InlineData("Storage__ServiceUri__Host")]
    [InlineData("Bot__AppId")]
    [InlineData("Teams_AppId")]
    public void TheCatalog_RefusesNamesTheHostWouldIgnore(string variable) => Assert.NotNull(Catalog.Explain(variable));

    [Fact]
    public void EveryVariableTheContainerAppSets_IsAHostSettingOrAListedPlatformVariable()
    {
        var bicep = Templates.ResourcesBicep;
        var names = EnvEntry().Matches(bicep).Concat(SecretSetting().Matches(bicep)).Select(m => m.Groups["name"].Value).ToList();

        // The extraction must see the template's variables, or this test would pass on nothing.
        foreach (var expected in new[] { "AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_CONNECTION_STRING", "Storage__ServiceUri", "Storage__ConnectionString",
            "Charts__PublicBaseUrl", "Charts__SigningKey", "Privacy__ReflectionAnswerKey", "Slack__SigningSecret", "Slack__BotToken", "Slack__ClientId",
            "Slack__ClientSecret", "Slack__TokenEncryptionKey", "Teams__AppId", "Teams__AppPassword", "Teams__TenantId", "Local__Enabled" })
        {
            Assert.Contains(expected, names);
        }

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var problems = new List<string>();
        foreach (var name in names)
        {
            if (name.Contains("__", StringComparison.Ordinal))
            {
                if (Catalog.Explain(name) is { } problem)
                {
                    problems.Add(problem);
                }
            }
            else if (!PlatformVariables.Contains(name) && !name.StartsWith(AspNetCorePrefix, StringComparison.Ordinal))
            {
                problems.Add($"{name} is neither a CoachBot setting (Section__Key) nor on the platform list of {nameof(ContainerAppSettingsTests)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void EverySettingLikeNameAnywhereInTheTemplates_IsAHostSetting()
    {
        var problems = Repository.BicepFiles
            .SelectMany(f => SettingLikeLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value))
            .Select(Catalog.Explain)
            .OfType<string>()
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task TheContainerAppsEnvironment_IsBuiltFromTheGroupsThisTestReads()
    {
        // The mode test below evaluates baseSettings, slackSettings, slackOAuthSettings, teamsSettings and secretSettings; this pins
        // the one line that combines them, so a new group cannot slip past it.
        Assert.Contains(
            "env: concat(baseSettings, enableSlack ? slackSettings : [], slackOAuth ? slackOAuthSettings : [], enableTeams ? teamsSettings : [], map(usedSecrets, s => { name: s.setting, secretRef: s.secret }))",
            Templates.ResourcesBicep, StringComparison.Ordinal);
        var app = Templates.Single(await Templates.MainAsync(), "Microsoft.App/containerApps");
        Assert.Single(app["properties"]!["template"]!["containers"]!.AsArray());
    }

    public static TheoryData<bool, bool, bool> Modes() => new()
    {
        // Slack, Slack over OAuth, Teams. Neither: docs/deploy.md's first `azd up`, before the chat apps exist.
        { false, false, false },
        { true, false, false },
        { true, true, false },
        { false, false, true },
        { true, false, true },
        { true, true, true },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void EachChannelCombination_StartsTheHostInProductionMode_WithSettingsItsValidatorsAccept(bool slack, bool slackOAuth, bool teams)
    {
        var environment = DeployedEnvironment(slack, slackOAuth, teams);
        Assert.Equal("", environment["Storage__ConnectionString"]);
        AssertStartsInProduction(environment, slack, slackOAuth, teams);

        // A platform that drops empty variables leaves appsettings.json's development default, which must count as empty too.
        AssertStartsInProduction(environment.Where(e => e.Value.Length > 0).ToDictionary(), slack, slackOAuth, teams);
    }

    private static void AssertStartsInProduction(Dictionary<string, string> environment, bool slack, bool slackOAuth, bool teams)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Repository.Root, "appsettings.json"), optional: false)
            .AddInMemoryCollection(environment.Where(e => e.Key.Contains("__", StringComparison.Ordinal))
                .Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)))
            .Build();

        var decision = HostMode.Decide(configuration);
        Assert.False(decision.IsLocal);
        Assert.True(decision.Refusals.Count == 0, string.Join('\n', decision.Refusals));

        var storage = Bind<StorageOptions>(configuration, StorageOptions.SectionName);
        Assert.True(storage.IsKeyless);
        AssertValid(new StorageOptionsValidator().Validate(null, storage));
        AssertValid(new AnswerKeyOptionsValidator(Options.Create(storage)).Validate(null, Bind<AnswerKeyOptions>(configuration, AnswerKeyOptions.SectionName)));
        AssertValid(new ChartsOptionsValidator().Validate(null, Bind<ChartsOptions>(configuration, ChartsOptions.SectionName)));
        var forwarded = Bind<CoachBot.Host.Proxy.ForwardedHeadersSettings>(configuration, CoachBot.Host.Proxy.ForwardedHeadersSettings.SectionName);
        AssertValid(new CoachBot.Host.Proxy.ForwardedHeadersSettingsValidator().Validate(null, forwarded));
        Assert.True(forwarded.Enabled, "behind Container Apps' ingress the host must read the forwarded scheme and host");
        var slackOptions = Bind<SlackOptions>(configuration, SlackOptions.SectionName);
        AssertValid(new SlackOptionsValidator().Validate(null, slackOptions));
        AssertValid(new SlackInstallOptionsValidator(Options.Create(slackOptions)).Validate(null, Bind<SlackInstallOptions>(configuration, SlackOptions.SectionName)));
        AssertValid(new TeamsOptionsValidator().Validate(null, Bind<TeamsOptions>(configuration, TeamsOptions.SectionName)));
        AssertValid(new CoachBot.Host.PublicPages.SupportOptionsValidator().Validate(null, Bind<CoachBot.Host.PublicPages.SupportOptions>(configuration, CoachBot.Host.PublicPages.SupportOptions.SectionName)));

        Assert.Equal(slack, slackOptions.SigningSecret is not null);
        Assert.Equal(slack && !slackOAuth, slackOptions.HasBotToken);
        Assert.Equal(slack && slackOAuth, slackOptions.HasOAuth);
        Assert.Equal(teams, configuration["Teams:AppId"] is not null);
        Assert.Null(configuration["Teams:AppPassword"]);
        Assert.Equal(teams ? "ManagedIdentity" : null, configuration["Teams:Credential"]);
    }

    /// <summary>
    /// The variables resources.bicep gives the container for one combination of parameters, each with a value of
    /// the shape the deployment would give it (secrets as Key Vault would return them).
    /// </summary>
    private static Dictionary<string, string> DeployedEnvironment(bool slack, bool slackOAuth, bool teams)
    {
        var bicep = Templates.ResourcesBicep;
        var conditions = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            ["true"] = true,
            ["enableSlack"] = slack,
            ["enableTeams"] = teams,
            // The default Teams credential is the app's managed identity: no password reaches the container.
            ["teamsPasswordUsed"] = false,
            // No key rotation under way: the previous keys are not written.
            ["slackRotating"] = false,
            ["chartsRotating"] = false,
            ["slackOAuth"] = slack && slackOAuth,
            ["slackSingleWorkspace"] = slack && !slackOAuth,
        };

        var names = new List<string>();
        names.AddRange(GroupNames(bicep, "baseSettings"));
        if (slack)
        {
            names.AddRange(GroupNames(bicep, "slackSettings"));
        }

        if (conditions["slackOAuth"])
        {
            names.AddRange(GroupNames(bicep, "slackOAuthSettings"));
        }

        if (teams)
        {
            names.AddRange(GroupNames(bicep, "teamsSettings"));
        }

        var secrets = SecretEntry().Matches(bicep).ToList();
        Assert.NotEmpty(secrets);
        foreach (var secret in secrets)
        {
            var used = secret.Groups["used"].Value;
            Assert.True(conditions.TryGetValue(used, out var on), $"the test does not know the condition '{used}' of {secret.Groups["name"].Value}; teach it");
            if (on)
            {
                names.Add(secret.Groups["name"].Value);
            }
        }

        return names.ToDictionary(n => n, SampleValue, StringComparer.Ordinal);
    }

    private static List<string> GroupNames(string bicep, string variable)
    {
        var match = Regex.Match(bicep, $@"^var {variable} = \[\n(?<body>.*?)^\]", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(match.Success, $"resources.bicep has no variable {variable}");
        var names = EnvEntry().Matches(match.Groups["body"].Value).Select(m => m.Groups["name"].Value).ToList();
        Assert.NotEmpty(names);
        return names;
    }

    [GeneratedRegex(@"setting:\s*'(?<name>[^']+)',\s*value:\s*\w+,\s*used:\s*(?<used>\w+)\s*\}")]
    private static partial Regex SecretEntry();

    private static string SampleValue(string name) => name switch
    {
        "AZURE_CLIENT_ID" => "11111111-1111-1111-1111-111111111111",
        "APPLICATIONINSIGHTS_CONNECTION_STRING" => "InstrumentationKey=00000000-0000-0000-0000-000000000000",
        "Local__Enabled" => "false",
        "Storage__ServiceUri" => "https://stexample.table.core.windows.net/",
        "Storage__ConnectionString" => "",
        "Charts__PublicBaseUrl" => "https://ca-web-example.example.azurecontainerapps.io",
        "Telemetry__JsonLogs" => "true",
        "Support__OperatorName" => "",
        "Support__Contact" => "",
        "ForwardedHeaders__Enabled" => "true",
        "ForwardedHeaders__AllowedHosts" => "ca-web-example.example.azurecontainerapps.io",
        "Slack__ClientId" => "1234567890.0987654321",
        "Slack__Replicas" => "3",
        "Slack__RedirectUri" => "https://ca-web-example.example.azurecontainerapps.io/slack/oauth",
        "Slack__SigningSecret" => "0cc175b9c0f1b6a831c399e269772661",
        "Slack__BotToken" => "xoxb-1-2-abc",
        "Slack__ClientSecret" => "client-secret",
        "Teams__AppId" => "22222222-2222-2222-2222-222222222222",
        "Teams__TenantId" => "33333333-3333-3333-3333-333333333333",
        "Teams__AppPassword" => "app-password",
        "Teams__Credential" => "ManagedIdentity",
        "Slack__TokenEncryptionKey" or "Charts__SigningKey" or "Privacy__ReflectionAnswerKey" => Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()),
        _ => throw new InvalidOperationException($"the test has no sample value for {name}; add one"),
    };

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }

    private static void AssertValid(ValidateOptionsResult result) =>
        Assert.False(result.Failed, result.FailureMessage);
}
