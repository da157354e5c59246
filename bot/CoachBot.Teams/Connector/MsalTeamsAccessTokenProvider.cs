using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Connector tokens from Entra, by <see cref="TeamsOptions.Credential"/>: MSAL's client-credentials flow with the
/// client secret or with a managed identity's token as the client assertion (a federated credential), or the token of
/// the managed identity the Azure Bot is registered with, straight from the platform's identity endpoint. One client
/// per process, so MSAL's in-memory cache serves repeated calls until the token nears its expiry. Calls to Entra and to
/// the identity endpoint go through <see cref="EntraHttpClientName"/>, so they are logged with redaction like every
/// other call.
/// </summary>
public sealed class MsalTeamsAccessTokenProvider : ITeamsAccessTokenProvider
{
    /// <summary>The HttpClient for Entra's token endpoint and the managed identity endpoint.</summary>
    public const string EntraHttpClientName = "CoachBot.Teams.Entra";

    private readonly TeamsOptions _options;
    private readonly IHttpClientFactory? _httpClients;
    private readonly Lazy<IConfidentialClientApplication> _app;
    private readonly Lazy<ManagedIdentityCredential> _managedIdentity;

    /// <summary>Creates the provider; the MSAL app and the identity credential are built on first use.</summary>
    public MsalTeamsAccessTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory? httpClients = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _httpClients = httpClients;
        _app = new Lazy<IConfidentialClientApplication>(Build, LazyThreadSafetyMode.ExecutionAndPublication);
        _managedIdentity = new Lazy<ManagedIdentityCredential>(BuildManagedIdentity, LazyThreadSafetyMode.ExecutionAndPublication);
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
            if (_options.Credential == TeamsCredential.ManagedIdentity)
            {
                var token = await _managedIdentity.Value.GetTokenAsync(new TokenRequestContext([_options.Scope]), cancellationToken).ConfigureAwait(false);
                return token.Token;
            }

            var result = await _app.Value.AcquireTokenForClient([_options.Scope])
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            // MSAL messages name the app and the error code, never the secret.
            throw new TeamsConnectorException(0, $"Could not get a Bot Connector token ({ex.ErrorCode}). {WhatToCheck()}", ex);
        }
        catch (AuthenticationFailedException ex)
        {
            // The identity endpoint answered, or was absent (CredentialUnavailableException): both worth a later try,
            // since a platform's identity endpoint can be briefly unavailable after a restart.
            throw new TeamsConnectorException(0, $"Could not get a Bot Connector token from the managed identity. {WhatToCheck()}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // MSAL lets network failures through as they are. As a connector failure (status 0) the caller keeps the
            // reply for a later try instead of failing the request after the turn was already done.
            throw new TeamsConnectorException(
                0, "Could not reach the Entra token endpoint for a Bot Connector token; the send will be tried again later.", ex);
        }
    }

    private string WhatToCheck() => _options.Credential switch
    {
        TeamsCredential.ManagedIdentity =>
            "Check that Teams:AppId is the client id of the user-assigned identity the Azure Bot was created with, and that the identity is assigned to this app.",
        TeamsCredential.FederatedCredential =>
            "Check Teams:AppId, Teams:TenantId and Teams:ManagedIdentityClientId, and that the app registration has a federated credential for that identity.",
        _ => "Check Teams:AppId, Teams:AppPassword and Teams:TenantId.",
    };

    private IConfidentialClientApplication Build()
    {
        var federated = _options.Credential == TeamsCredential.FederatedCredential;
        if (!_options.HasAppId || (!federated && string.IsNullOrWhiteSpace(_options.AppPassword)))
        {
            throw new TeamsConnectorException(
                0, federated
                    ? "Teams:AppId must be set to send messages to Teams with a federated credential."
                    : "Teams:AppId and Teams:AppPassword must both be set to send messages to Teams.");
        }

        // The authority is one of the clouds MSAL knows (TeamsClouds) or a test fake: instance discovery would only add
        // a call to the public cloud, which a government deployment or a test may not reach.
        var builder = ConfidentialClientApplicationBuilder.Create(_options.AppId)
            .WithAuthority(ResolveAuthority(_options))
            .WithInstanceDiscovery(false);
        if (_httpClients is not null)
        {
            builder = builder.WithHttpClientFactory(new MsalHttpClients(_httpClients));
        }

        if (federated)
        {
            // The managed identity's own token, for Entra's token-exchange audience, stands in for a secret; the
            // credential caches it, and MSAL asks again only when its own token needs renewing.
            var identity = BuildManagedIdentity(_options.ManagedIdentityClientId);
            var scope = _options.FederatedTokenScope;
            return builder.WithClientAssertion(async (AssertionRequestOptions request) =>
                (await identity.GetTokenAsync(new TokenRequestContext([scope]), request.CancellationToken).ConfigureAwait(false)).Token).Build();
        }

        return builder.WithClientSecret(_options.AppPassword).Build();
    }

    /// <summary>The Azure Bot's own identity: its client id is the bot's app id.</summary>
    private ManagedIdentityCredential BuildManagedIdentity() => _options.HasAppId
        ? BuildManagedIdentity(_options.AppId)
        : throw new TeamsConnectorException(0, "Teams:AppId (the managed identity's client id) must be set to send messages to Teams.");

    private ManagedIdentityCredential BuildManagedIdentity(string? clientId)
    {
        var id = string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId.Trim());
        var options = new ManagedIdentityCredentialOptions(id);
        if (_httpClients is not null)
        {
            options.Transport = new HttpClientTransport(_httpClients.CreateClient(EntraHttpClientName));
        }

        return new ManagedIdentityCredential(options);
    }

    /// <summary>MSAL's HTTP through the host's client factory (pooled handlers, redacted logs).</summary>
    private sealed class MsalHttpClients(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(EntraHttpClientName);
    }
}
