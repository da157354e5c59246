namespace CoachBot.Teams;

/// <summary>Microsoft Teams settings (configuration section <c>Teams</c>). The app password is a secret.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>The bot's Entra app (client) id; the audience of inbound tokens. Empty: local mode, loopback only.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, for the connector's client-credentials token (only with <see cref="TeamsCredential.ClientSecret"/>).</summary>
    public string? AppPassword { get; set; }

    /// <summary>
    /// How the bot proves itself when it calls the connector: a client secret (<see cref="AppPassword"/>), the
    /// user-assigned managed identity the Azure Bot was created with (its client id is <see cref="AppId"/>), or an app
    /// registration that trusts a managed identity through a federated credential (no secret anywhere).
    /// </summary>
    public TeamsCredential Credential { get; set; } = TeamsCredential.ClientSecret;

    /// <summary>
    /// The client id of the user-assigned managed identity whose token is the federated credential (with
    /// <see cref="TeamsCredential.FederatedCredential"/>); empty: the system-assigned identity.
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// The Entra tenant of a single-tenant bot (the default for new registrations). When set, every activity's tenant
    /// (conversation.tenantId / channelData.tenant.id) must be this one.
    /// </summary>
    public string? TenantId { get; set; }

    /// <summary>Which Microsoft cloud the bot lives in; picks the trusted issuers and service hosts.</summary>
    public TeamsCloud Cloud { get; set; } = TeamsCloud.Public;

    /// <summary>
    /// App ids (the <c>azp</c> / <c>appid</c> claim) whose Entra-issued tokens for this bot are accepted. Empty (the
    /// default): only Bot Connector tokens are accepted, because Entra issues app-only tokens for the bot to any app
    /// registration in the tenant.
    /// </summary>
    public IList<string> AllowedCallers { get; set; } = [];

    /// <summary>
    /// Tests only: also accept and call serviceUrls on this machine (a fake connector) while an app id is set.
    /// </summary>
    public bool AllowLoopbackServiceUrls { get; set; }

    /// <summary>Bot Framework OpenID metadata (tokens from the Bot Connector service); default: the cloud's.</summary>
    public Uri? OpenIdMetadataUrl { get; set; }

    /// <summary>Entra OpenID metadata; <c>{tenant}</c> is replaced with <see cref="TenantId"/>; default: the cloud's.</summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>Where client-credentials tokens come from (tests point it at a fake); <c>{tenant}</c> as above.</summary>
    public string? TokenAuthority { get; set; }

    /// <summary>The scope of connector tokens; default: the cloud's.</summary>
    public string? ConnectorScope { get; set; }

    /// <summary>How often replies that could not be delivered (connector or token endpoint down) are tried again.</summary>
    public TimeSpan ReplyRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an undelivered reply is kept trying before it is given up (and logged).</summary>
    public TimeSpan ReplyRetryWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest activity accepted, in bytes (413 beyond).</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>True when an app id is configured (tokens are then required on every request).</summary>
    public bool HasAppId => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The endpoints of <see cref="Cloud"/>.</summary>
    public TeamsCloudEndpoints Endpoints => TeamsClouds.For(Cloud);

    /// <summary><see cref="OpenIdMetadataUrl"/> or the cloud's.</summary>
    public Uri BotFrameworkMetadata => OpenIdMetadataUrl ?? Endpoints.BotFrameworkMetadataUrl;

    /// <summary><see cref="EntraOpenIdMetadataUrl"/> or the cloud's, with <c>{tenant}</c> still in it.</summary>
    public string EntraMetadataTemplate =>
        EntraOpenIdMetadataUrl ?? $"https://{Endpoints.LoginHost}/{{tenant}}/v2.0/.well-known/openid-configuration";

    /// <summary><see cref="TokenAuthority"/> or the cloud's, with <c>{tenant}</c> still in it.</summary>
    public string TokenAuthorityTemplate => TokenAuthority ?? $"https://{Endpoints.LoginHost}/{{tenant}}";

    /// <summary>The audience of the managed identity token exchanged for an app token (Entra's fixed value per cloud).</summary>
    public string FederatedTokenScope => Cloud is TeamsCloud.GccHigh or TeamsCloud.DoD
        ? "api://AzureADTokenExchangeUSGov/.default"
        : "api://AzureADTokenExchange/.default";

    /// <summary><see cref="ConnectorScope"/> or the cloud's.</summary>
    public string Scope => ConnectorScope ?? Endpoints.ConnectorScope;
}
