using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// The real host on Kestrel (loopback, a free port: the anonymous-from-loopback rule needs a real remote address),
/// on its own tables of the shared Azurite. Without settings it runs in local mode with no Teams app id, as the
/// Microsoft 365 Agents Playground sees it.
/// </summary>
internal sealed class TeamsHost : IAsyncDisposable
{
    private readonly Factory _factory;

    private TeamsHost(Factory factory)
    {
        _factory = factory;
        _factory.UseKestrel();
        Client = _factory.CreateClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public static Task<TeamsHost> StartAsync(
        AzuriteFixture azurite, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
            ["Local:Enabled"] = "true",
            ["Local:AutostartAzurite"] = "false",

            // A free loopback port from Urls, not from UseKestrel(port): that overload rewrites the server's addresses
            // after the app's own thread may already have bound them, and then fails at random with "Addresses cannot
            // be modified after the server has started" (dotnet/aspnetcore PR 67714).
            ["Urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return Task.FromResult(new TeamsHost(new Factory(all, services)));
    }

    /// <summary>
    /// A host that checks Bot Framework tokens from <paramref name="issuer"/> (app id and tenant set, loopback service
    /// URLs allowed so the fake connector on loopback receives the replies), with a fixed outbound connector token.
    /// </summary>
    public static Task<TeamsHost> StartAuthenticatedAsync(AzuriteFixture azurite, Auth.TestTokenIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var tokens = new Mock<CoachBot.Teams.Connector.ITeamsAccessTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("connector-token-for-tests");
        return StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["Local:Enabled"] = "false",
                ["Teams:AppId"] = Auth.TestTokenIssuer.AppId,
                ["Teams:AppPassword"] = "not-used-here",
                ["Teams:TenantId"] = TeamsActivities.Tenant,
                ["Teams:AllowLoopbackServiceUrls"] = "true",
                ["Teams:OpenIdMetadataUrl"] = issuer.BotFrameworkMetadataUrl.ToString(),
                ["Teams:EntraOpenIdMetadataUrl"] = issuer.EntraMetadataTemplate,
            },
            services => services.Replace(ServiceDescriptor.Singleton(tokens.Object)));
    }

    /// <summary>
    /// A host with real-looking Teams settings: app id, tenant <see cref="TeamsActivities.Tenant"/>, one allowed Entra
    /// caller, no loopback allowance, metadata from <paramref name="issuer"/>. Every connector request ends in
    /// <paramref name="connector"/>; connector tokens come from <paramref name="tokens"/>.
    /// </summary>
    public static Task<TeamsHost> StartRealLookingAsync(
        AzuriteFixture azurite,
        Auth.TestTokenIssuer issuer,
        RecordingConnectorHandler connector,
        CoachBot.Teams.Connector.ITeamsAccessTokenProvider tokens,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Local:Enabled"] = "false",
            ["Teams:AppId"] = Auth.TestTokenIssuer.AppId,
            ["Teams:AppPassword"] = "not-used-here",
            ["Teams:TenantId"] = TeamsActivities.Tenant,
            ["Teams:AllowedCallers:0"] = Auth.TestTokenIssuer.AllowedCaller,
            ["Teams:OpenIdMetadataUrl"] = issuer.BotFrameworkMetadataUrl.ToString(),
            ["Teams:EntraOpenIdMetadataUrl"] = issuer.EntraMetadataTemplate,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return StartAsync(azurite, all, collection =>
        {
            collection.Replace(ServiceDescriptor.Singleton(tokens));
            collection.AddHttpClient(CoachBot.Teams.Connector.TeamsConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => connector);
            services?.Invoke(collection);
        });
    }

    /// <summary>Posts an activity as JSON, with an optional bearer token.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null) =>
        await PostRawAsync(Encoding.UTF8.GetBytes(activity.ToJsonString()), token);

    public async Task<HttpResponseMessage> PostRawAsync(byte[] body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class Factory : WebApplicationFactory<Program>
    {
        private readonly Dictionary<string, string?> _settings;
        private readonly Action<IServiceCollection>? _services;

        public Factory(Dictionary<string, string?> settings, Action<IServiceCollection>? services)
        {
            _settings = settings;
            _services = services;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }

            if (_services is not null)
            {
                builder.ConfigureTestServices(_services);
            }
        }
    }
}
