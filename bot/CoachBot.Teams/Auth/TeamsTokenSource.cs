using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CoachBot.Teams.Auth;

/// <summary>One place inbound tokens may come from: its issuers and its OpenID metadata (cached and refreshed).</summary>
internal sealed class TeamsTokenSource
{
    /// <summary>Unknown key ids fetch the metadata directly at most this often per source (keeps random kids cheap).</summary>
    public static readonly TimeSpan DirectRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly Uri _address;
    private readonly IDocumentRetriever _retriever;
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastDirectFetch;
    private OpenIdConnectConfiguration? _latest;

    private TeamsTokenSource(string name, bool isBotFramework, IReadOnlyList<string> issuers, Uri address, HttpClient http)
    {
        Name = name;
        IsBotFramework = isBotFramework;
        Issuers = issuers;
        _address = address;

        // Plain http only for loopback metadata (tests and local fakes); anything else must be https.
        _retriever = new HttpDocumentRetriever(http) { RequireHttps = !address.IsLoopback };
        Metadata = new ConfigurationManager<OpenIdConnectConfiguration>(address.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), _retriever);
    }

    /// <summary>For logs: "Bot Framework" or "Entra".</summary>
    public string Name { get; }

    /// <summary>Bot Framework tokens carry key endorsements and a <c>serviceurl</c> claim; Entra tokens have no endorsements.</summary>
    public bool IsBotFramework { get; }

    public IReadOnlyList<string> Issuers { get; }

    public IConfigurationManager<OpenIdConnectConfiguration> Metadata { get; }

    /// <summary>The Bot Connector source of the configured cloud (its issuer and metadata).</summary>
    public static TeamsTokenSource BotFramework(TeamsOptions options, HttpClient http) =>
        new("Bot Framework", isBotFramework: true, [options.Endpoints.BotFrameworkIssuer], options.BotFrameworkMetadata, http);

    /// <summary>The Entra source for the bot's tenant (v1 and v2 issuers of its cloud); null without a tenant id.</summary>
    public static TeamsTokenSource? Entra(TeamsOptions options, HttpClient http)
    {
        var tenantId = options.TenantId;
        var metadataUrlTemplate = options.EntraMetadataTemplate;
        if (string.IsNullOrWhiteSpace(tenantId))
        {
            return null;
        }

        var tenant = tenantId.Trim();
        var url = new Uri(metadataUrlTemplate.Replace("{tenant}", Uri.EscapeDataString(tenant), StringComparison.Ordinal));
        string[] issuers = [$"https://sts.windows.net/{tenant}/", $"https://{options.Endpoints.LoginHost}/{tenant}/v2.0"];
        return new("Entra", isBotFramework: false, issuers, url, http);
    }

    /// <summary>True when <paramref name="issuer"/> is one of this source's issuers (exact, ordinal).</summary>
    public bool Issues(string issuer) => Issuers.Contains(issuer, StringComparer.Ordinal);

    /// <summary>
    /// The metadata fetched now, for a token whose key id the cached metadata lacks (keys rotate). The configuration
    /// manager only refreshes in the background, so this fetches directly (and asks the manager to catch up). Within
    /// <see cref="DirectRefreshInterval"/> of the last direct fetch it answers that fetch's result instead.
    /// </summary>
    public async Task<OpenIdConnectConfiguration?> FetchLatestAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_lastDirectFetch is { } last && now - last < DirectRefreshInterval)
            {
                return _latest;
            }

            _lastDirectFetch = now;
        }

        Metadata.RequestRefresh();
        var fresh = await OpenIdConnectConfigurationRetriever.GetAsync(_address.AbsoluteUri, _retriever, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _latest = fresh;
        }

        return fresh;
    }
}
