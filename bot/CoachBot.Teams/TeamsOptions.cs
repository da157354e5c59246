namespace CoachBot.Teams;

/// <summary>Microsoft Teams settings (configuration section <c>Teams</c>). The app password is a secret.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>The bot's Entra app (client) id; the audience of inbound tokens. Empty: local mode, loopback only.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, for the connector's client-credentials token.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The Entra tenant of a single-tenant bot (the default for new registrations).</summary>
    public string? TenantId { get; set; }

    /// <summary>Bot Framework OpenID metadata (tokens from the Bot Connector service).</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>Entra OpenID metadata; <c>{tenant}</c> is replaced with <see cref="TenantId"/>.</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>Where client-credentials tokens come from (tests point it at a fake); <c>{tenant}</c> as above.</summary>
    public string TokenAuthority { get; set; } = "https://login.microsoftonline.com/{tenant}";

    /// <summary>The scope of connector tokens.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Largest activity accepted, in bytes (413 beyond).</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>True when an app id is configured (tokens are then required on every request).</summary>
    public bool HasAppId => !string.IsNullOrWhiteSpace(AppId);
}
