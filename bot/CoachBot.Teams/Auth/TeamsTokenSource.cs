using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CoachBot.Teams.Auth;

/// <summary>One place inbound tokens may come from: its issuers and its OpenID metadata (cached and refreshed).</summary>
internal sealed class TeamsTokenSource
{
    /// <summary>The issuer of tokens from the Bot Connector service.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private TeamsTokenSource(string name, bool isBotFramework, IReadOnlyList<string> issuers, IConfigurationManager<OpenIdConnectConfiguration> metadata)
    {
        Name = name;
        IsBotFramework = isBotFramework;
        Issuers = issuers;
        Metadata = metadata;
    }

    /// <summary>For logs: "Bot Framework" or "Entra".</summary>
    public string Name { get; }

    /// <summary>Bot Framework tokens carry key endorsements and a <c>serviceurl</c> claim; Entra tokens do not.</summary>
    public bool IsBotFramework { get; }

    public IReadOnlyList<string> Issuers { get; }

    public IConfigurationManager<OpenIdConnectConfiguration> Metadata { get; }

    /// <summary>The Bot Framework source (issuer <see cref="BotFrameworkIssuer"/>).</summary>
    public static TeamsTokenSource BotFramework(Uri metadataUrl, HttpClient http) =>
        new("Bot Framework", isBotFramework: true, [BotFrameworkIssuer], CreateManager(metadataUrl, http));

    /// <summary>The Entra source for one tenant (v1 and v2 issuers); null without a tenant id.</summary>
    public static TeamsTokenSource? Entra(string metadataUrlTemplate, string? tenantId, HttpClient http)
    {
        if (string.IsNullOrWhiteSpace(tenantId))
        {
            return null;
        }

        var tenant = tenantId.Trim();
        var url = new Uri(metadataUrlTemplate.Replace("{tenant}", Uri.EscapeDataString(tenant), StringComparison.Ordinal));
        string[] issuers = [$"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"];
        return new("Entra", isBotFramework: false, issuers, CreateManager(url, http));
    }

    /// <summary>True when <paramref name="issuer"/> is one of this source's issuers (exact, ordinal).</summary>
    public bool Issues(string issuer) => Issuers.Contains(issuer, StringComparer.Ordinal);

    private static ConfigurationManager<OpenIdConnectConfiguration> CreateManager(Uri url, HttpClient http)
    {
        // Plain http only for loopback metadata (tests and local fakes); anything else must be https.
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = !url.IsLoopback };
        return new ConfigurationManager<OpenIdConnectConfiguration>(url.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), retriever);
    }
}
