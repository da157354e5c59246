using System.Collections.Concurrent;
using CoachBot.Teams.Connector;
using CoachBot.Testing.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams.Tests.Connector;

/// <summary>The managed identity endpoint is named by process-wide variables, so these tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ManagedIdentityTestGroup
{
    public const string Name = "managed identity";
}

/// <summary>
/// Connector tokens with no client secret, over real HTTP: from the managed identity the Azure Bot is registered with
/// (the loopback stand-in for the platform's identity endpoint), and from an app registration that trusts that
/// identity through a federated credential (a loopback Entra token endpoint on HTTPS that checks the assertion).
/// </summary>
[Collection(ManagedIdentityTestGroup.Name)]
public sealed class KeylessTeamsTokenTests : IAsyncLifetime
{
    private const string AppId = "6a1b2c3d-1111-2222-3333-444455556666";
    private const string IdentityClientId = "9f8e7d6c-aaaa-4bbb-8ccc-dddddddddddd";
    private const string Tenant = "a1b2c3d4-0000-4000-8000-000000000001";

    private ManagedIdentityStandIn _identity = null!;
    private readonly Dictionary<string, string?> _saved = [];

    public async Task InitializeAsync()
    {
        _identity = await ManagedIdentityStandIn.StartAsync();
        foreach (var (name, value) in _identity.Environment)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task ManagedIdentity_GetsTheConnectorTokenOfTheBotsOwnIdentity()
    {
        using var services = Services();
        var provider = Provider(services, new TeamsOptions { AppId = AppId, TenantId = Tenant, Credential = TeamsCredential.ManagedIdentity });

        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("https://api.botframework.com", Audience(token));
        var request = Assert.Single(_identity.Requests);
        Assert.Equal(new IdentityRequest(ManagedIdentityStandIn.Header, "https://api.botframework.com", AppId), request);
    }

    [Fact]
    public async Task FederatedCredential_SendsTheIdentitysExchangeTokenAsTheAssertion_AndNoSecret()
    {
        var dir = Directory.CreateTempSubdirectory("coachbot-entra-");
        try
        {
            var (_, _, _, certificate) = TestCertificates.Write(dir.FullName);
            await using var entra = await FakeEntra.StartAsync(certificate);
            using var services = Services(http => http.ConfigurePrimaryHttpMessageHandler(() => TestCertificates.Trusting(certificate)));
            var provider = Provider(services, new TeamsOptions
            {
                AppId = AppId, TenantId = Tenant, Credential = TeamsCredential.FederatedCredential, ManagedIdentityClientId = IdentityClientId,
                TokenAuthority = entra.BaseUrl + "/{tenant}",
            });

            var token = await provider.GetTokenAsync(CancellationToken.None);

            Assert.Equal(FakeEntra.ConnectorToken, token);
            var form = Assert.Single(entra.Requests);
            Assert.Equal($"/{Tenant}/oauth2/v2.0/token", form["path"]);
            Assert.Equal(AppId, form["client_id"]);
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
            Assert.Equal("api://AzureADTokenExchange", Audience(form["client_assertion"]!));
            Assert.Equal("https://api.botframework.com/.default", form["scope"]);
            Assert.False(form.ContainsKey("client_secret"));
            Assert.Equal(new IdentityRequest(ManagedIdentityStandIn.Header, "api://AzureADTokenExchange", IdentityClientId), Assert.Single(_identity.Requests));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ManagedIdentity_EndpointRefusing_IsARetryableFailureThatSaysWhatToCheck()
    {
        using var services = Services();
        var saved = Environment.GetEnvironmentVariable("IDENTITY_HEADER");
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "not-the-platforms-header");
        try
        {
            var provider = Provider(services, new TeamsOptions { AppId = AppId, TenantId = Tenant, Credential = TeamsCredential.ManagedIdentity });

            var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => provider.GetTokenAsync(CancellationToken.None));

            Assert.True(ex.IsWorthRetrying);
            Assert.Contains("client id of the user-assigned identity", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", saved);
        }
    }

    /// <summary>The aud claim of a stand-in token (its payload, base64url JSON).</summary>
    private static string? Audience(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return System.Text.Json.Nodes.JsonNode.Parse(Convert.FromBase64String(payload))?["aud"]?.GetValue<string>();
    }

    private static ServiceProvider Services(Action<IHttpClientBuilder>? entraClient = null)
    {
        var services = new ServiceCollection().AddLogging();
        var builder = services.AddHttpClient(MsalTeamsAccessTokenProvider.EntraHttpClientName);
        entraClient?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    private static MsalTeamsAccessTokenProvider Provider(ServiceProvider services, TeamsOptions options) =>
        new(Options.Create(options), services.GetRequiredService<IHttpClientFactory>());

    /// <summary>Entra's token endpoint on loopback HTTPS: records each client-credentials form and answers with a token.</summary>
    private sealed class FakeEntra : IAsyncDisposable
    {
        public const string ConnectorToken = "connector-token-from-a-federated-credential";

        private readonly WebApplication _app;
        private readonly ConcurrentQueue<Dictionary<string, string?>> _requests = new();

        private FakeEntra(WebApplication app) => _app = app;

        public string BaseUrl { get; private set; } = string.Empty;

        public IReadOnlyList<Dictionary<string, string?>> Requests => [.. _requests];

        public static async Task<FakeEntra> StartAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var fake = new FakeEntra(app);
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                var recorded = form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString());
                recorded["path"] = request.Path.Value;
                fake._requests.Enqueue(recorded);
                return Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = ConnectorToken });
            });
            await app.StartAsync();
            fake.BaseUrl = app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
            return fake;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
