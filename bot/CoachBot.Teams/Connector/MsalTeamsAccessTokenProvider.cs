using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Connector tokens from Entra with MSAL's client-credentials flow. One confidential client app per process, so
/// MSAL's in-memory cache serves repeated calls until the token nears its expiry.
/// </summary>
public sealed class MsalTeamsAccessTokenProvider : ITeamsAccessTokenProvider
{
    private readonly TeamsOptions _options;
    private readonly Lazy<IConfidentialClientApplication> _app;

    /// <summary>Creates the provider; the MSAL app is built on first use.</summary>
    public MsalTeamsAccessTokenProvider(IOptions<TeamsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _app = new Lazy<IConfidentialClientApplication>(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The authority URL: the token authority of the settings (or cloud) with the tenant filled in.</summary>
    public static string ResolveAuthority(TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tenant = string.IsNullOrWhiteSpace(options.TenantId) ? "botframework.com" : options.TenantId.Trim();
        return options.TokenAuthorityTemplate.Replace("{tenant}", tenant, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _app.Value.AcquireTokenForClient([_options.Scope])
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            // MSAL messages name the app and the error code, never the secret.
            throw new TeamsConnectorException(
                0,
                $"Could not get a Bot Connector token ({ex.ErrorCode}). Check Teams:AppId, Teams:AppPassword and Teams:TenantId.",
                ex);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // MSAL lets network failures through as they are. As a connector failure (status 0) the caller keeps the
            // reply for a later try instead of failing the request after the turn was already done.
            throw new TeamsConnectorException(
                0, "Could not reach the Entra token endpoint for a Bot Connector token; the send will be tried again later.", ex);
        }
    }

    private IConfidentialClientApplication Build()
    {
        if (!_options.HasAppId || string.IsNullOrWhiteSpace(_options.AppPassword))
        {
            throw new TeamsConnectorException(
                0, "Teams:AppId and Teams:AppPassword must both be set to send messages to Teams.");
        }

        // The authority is one of the clouds MSAL knows (TeamsClouds) or a test fake: instance discovery would only add
        // a call to the public cloud, which a government deployment or a test may not reach.
        return ConfidentialClientApplicationBuilder.Create(_options.AppId)
            .WithClientSecret(_options.AppPassword)
            .WithAuthority(ResolveAuthority(_options))
            .WithInstanceDiscovery(false)
            .Build();
    }
}
