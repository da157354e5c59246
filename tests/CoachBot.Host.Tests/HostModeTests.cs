using System.Net;
using System.Net.Http.Json;
using CoachBot.Testing;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests;

/// <summary>
/// Local mode fails closed (docs/decisions/0017-modes-fail-closed.md): settings that mix local mode and production,
/// or that look like a production deploy gone wrong, stop the start with a message naming the setting.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class HostModeTests
{
    private const string RealAccount =
        "DefaultEndpointsProtocol=https;AccountName=coachbotprod;AccountKey=c2VjcmV0LWtleS1ub3QtZm9yLWxvZ3MtMTIzNDU2Nzg5MA==;EndpointSuffix=core.windows.net";

    private readonly AzuriteFixture _azurite;

    public HostModeTests(AzuriteFixture azurite) => _azurite = azurite;

    [Theory]
    [InlineData("Slack:SigningSecret")]
    [InlineData("Slack:BotToken")]
    [InlineData("Teams:AppId")]
    [InlineData("Teams:AppPassword")]
    public void Start_CredentialPresentButEmpty_RefusesNamingTheSetting(string key)
    {
        using var app = Automatic(new() { [key] = "" });

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains($"{key} is present but empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_UnresolvedKeyVaultReference_RefusesWithoutEchoingIt()
    {
        using var app = Automatic(new() { ["Slack:SigningSecret"] = "@Microsoft.KeyVault(SecretUri=https://kv.example/secrets/signing)" });

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Slack:SigningSecret holds a secret reference that was not resolved", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("kv.example", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MicrosoftAppId", "Teams:AppId")]
    [InlineData("MicrosoftAppPassword", "Teams:AppPassword")]
    [InlineData("MicrosoftAppTenantId", "Teams:TenantId")]
    [InlineData("MicrosoftAppType", "Teams:TenantId")]
    public void Start_BotFrameworkSettingName_RefusesNamingTheOneToUse(string name, string use)
    {
        using var app = Automatic(new() { [name] = "6a1b2c3d-1111-2222-3333-444455556666" });

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains($"{name} is a Bot Framework setting CoachBot does not read", ex.Message, StringComparison.Ordinal);
        Assert.Contains(use, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_LocalEnabledNextToRealCredential_RefusesNamingBoth()
    {
        using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "8f14e45fceea167a5a36dedd4bea2543", ["Slack:BotToken"] = "xoxb-1-real",
        }, overHttp: false);

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Local:Enabled is true but Slack:SigningSecret, Slack:BotToken are set", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("8f14e45fceea167a5a36dedd4bea2543", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    public void Start_LocalModeAgainstRealStorageAccount_RefusesWithoutShowingTheKey(string? localEnabled)
    {
        using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?>
        {
            ["Local:Enabled"] = localEnabled, ["Storage:ConnectionString"] = RealAccount,

            // A real account also needs the reflection answer key; set it so the refusal is the local-mode one alone.
            ["Privacy:ReflectionAnswerKey"] = Convert.ToBase64String(new byte[32]),
        }, overHttp: false);

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Local mode needs the storage emulator, but Storage:ConnectionString names another storage account", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_LocalModeWithAStorageServiceUri_Refuses()
    {
        using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?>
        {
            ["Local:Enabled"] = "true", ["Storage:ServiceUri"] = "https://coachbotprod.table.core.windows.net", ["Storage:ConnectionString"] = string.Empty,
            ["Privacy:ReflectionAnswerKey"] = Convert.ToBase64String(new byte[32]),
        }, overHttp: false);

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Local mode needs the storage emulator, but Storage:ServiceUri names a storage account", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Teams:AppId", "Teams:AppPassword")]
    [InlineData("Teams:AppPassword", "Teams:AppId")]
    public void Start_TeamsCredentialHalfSet_RefusesNamingTheMissingOne(string set, string missing)
    {
        using var app = Automatic(new() { [set] = "6a1b2c3d-1111-2222-3333-444455556666" });

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains($"{set} is set but {missing} is not", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ManagedIdentity")]
    [InlineData("FederatedCredential")]
    public async Task Start_TeamsWithAManagedIdentity_NeedsNoPassword_AndIsProduction(string credential)
    {
        await using var app = Automatic(new() { ["Teams:AppId"] = "6a1b2c3d-1111-2222-3333-444455556666", ["Teams:Credential"] = credential }, overHttp: true);

        var inbox = await app.CreateClient().GetAsync("/api/local/inbox/alice");

        Assert.Equal(HttpStatusCode.NotFound, inbox.StatusCode);
    }

    [Fact]
    public void Start_TeamsCredentialWithoutAnAppId_RefusesRatherThanRunningLocally()
    {
        using var app = Automatic(new() { ["Teams:Credential"] = "ManagedIdentity" });

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Teams:Credential names a managed identity but Teams:AppId is not set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ManagedIdentityNextToAPassword_RefusesTheLeftoverSecret()
    {
        using var app = Automatic(new()
        {
            ["Teams:AppId"] = "6a1b2c3d-1111-2222-3333-444455556666", ["Teams:AppPassword"] = "left-over-secret", ["Teams:Credential"] = "ManagedIdentity",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Teams:AppPassword is set but Teams:Credential is ManagedIdentity", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("left-over-secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SlackClientIdWithoutSecret_RefusesNamingTheMissingOne()
    {
        using var app = Automatic(new()
        {
            ["Slack:SigningSecret"] = "8f14e45fceea167a5a36dedd4bea2543", ["Slack:BotToken"] = "xoxb-1-real", ["Slack:ClientId"] = "123.456",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Slack:ClientId is set but Slack:ClientSecret is not", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SlackSigningSecretWithoutAnyWayToAnswer_RefusesNamingTheOptions()
    {
        using var app = Automatic(new() { ["Slack:SigningSecret"] = "8f14e45fceea167a5a36dedd4bea2543" });

        var ex = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("neither Slack:BotToken (one workspace) nor Slack:ClientId and Slack:ClientSecret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithCredentials_NeverServesTheLocalApi()
    {
        await using var app = Automatic(new()
        {
            ["Teams:AppId"] = "6a1b2c3d-1111-2222-3333-444455556666", ["Teams:AppPassword"] = "not-used-here",
        }, overHttp: true);
        var client = app.CreateClient();

        var clock = await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 60 });
        var inbox = await client.GetAsync("/api/local/inbox/alice");

        Assert.Equal(HttpStatusCode.NotFound, clock.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inbox.StatusCode);
    }

    [Fact]
    public async Task Readyz_Ready_SaysSoWithoutNamingTheStorageEndpoint()
    {
        await using var app = new CoachBotApp(_azurite);

        var response = await app.CreateClient().GetAsync("/readyz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", body, StringComparison.Ordinal);
        Assert.DoesNotContain(_azurite.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
        Assert.DoesNotContain("devstoreaccount1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
    }

    /// <summary>A host that decides its mode itself (no Local:Enabled), as a real deploy does.</summary>
    private CoachBotApp Automatic(Dictionary<string, string?> settings, bool overHttp = false)
    {
        settings["Local:Enabled"] = null;
        return new CoachBotApp(_azurite, settings: settings, overHttp: overHttp);
    }
}
