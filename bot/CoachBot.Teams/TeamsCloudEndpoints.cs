namespace CoachBot.Teams;

/// <summary>The Microsoft endpoints of one <see cref="TeamsCloud"/>; all values come from <see cref="TeamsClouds"/>.</summary>
/// <param name="BotFrameworkIssuer">The <c>iss</c> of tokens the Bot Connector service signs.</param>
/// <param name="BotFrameworkMetadataUrl">The OpenID metadata holding the Bot Connector's signing keys.</param>
/// <param name="LoginHost">The Entra login host (token authority and v2 issuer).</param>
/// <param name="ConnectorScope">The scope of the bot's own client-credentials token for the connector.</param>
/// <param name="ServiceUrlHosts">Hosts a serviceUrl may name exactly.</param>
/// <param name="ServiceUrlDomains">Domains a serviceUrl host may be a subdomain of.</param>
public sealed record TeamsCloudEndpoints(
    string BotFrameworkIssuer,
    Uri BotFrameworkMetadataUrl,
    string LoginHost,
    string ConnectorScope,
    IReadOnlyList<string> ServiceUrlHosts,
    IReadOnlyList<string> ServiceUrlDomains)
{
    /// <summary>True when <paramref name="host"/> is one of the cloud's Bot Connector / Teams service hosts.</summary>
    public bool IsServiceHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.TrimEnd('.');
        return ServiceUrlHosts.Any(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase))
            || ServiceUrlDomains.Any(d => name.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
    }
}
