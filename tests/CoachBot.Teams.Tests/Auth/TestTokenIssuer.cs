using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Teams.Tests.Auth;

/// <summary>
/// A fake Bot Framework + Entra token issuer on loopback (real Kestrel): serves OpenID metadata and key sets and signs
/// tokens. Keys: "good" (endorsed for msteams), "webchat-only" (endorsed for webchat), "empty" (no channels),
/// "unpublished" (never served), "rotated" (served after <see cref="PublishRotatedKey"/>) and "entra" (Entra key set, no endorsements).
/// </summary>
public sealed class TestTokenIssuer : IAsyncLifetime
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "tenant-one";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly Dictionary<string, RSA> _keys = new(StringComparer.Ordinal)
    {
        ["good"] = RSA.Create(2048),
        ["webchat-only"] = RSA.Create(2048),
        ["empty"] = RSA.Create(2048),
        ["unpublished"] = RSA.Create(2048),
        ["entra"] = RSA.Create(2048),
        ["rotated"] = RSA.Create(2048),
    };

    private volatile bool _rotatedPublished;

    private WebApplication? _app;

    public Uri Root { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The Bot Framework metadata URL.</summary>
    public Uri BotFrameworkMetadataUrl => new(Root, "bf/.well-known/openidconfiguration");

    /// <summary>The Entra metadata URL template with <c>{tenant}</c>.</summary>
    public string EntraMetadataTemplate => Root + "entra/{tenant}/v2.0/.well-known/openid-configuration";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/bf/.well-known/openidconfiguration", () => Json(Metadata(BotFrameworkIssuer, "bf/keys")));
        app.MapGet("/bf/keys", () => Json(_rotatedPublished
            ? KeySet(("good", ["msteams"]), ("webchat-only", ["webchat"]), ("empty", []), ("rotated", ["msteams"]))
            : KeySet(("good", ["msteams"]), ("webchat-only", ["webchat"]), ("empty", []))));
        app.MapGet("/entra/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) =>
            Json(Metadata($"https://login.microsoftonline.com/{tenant}/v2.0", "entra/keys")));
        app.MapGet("/entra/keys", () => Json(KeySet(("entra", null))));
        await app.StartAsync();
        _app = app;
        Root = new Uri(app.Urls.First() + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    /// <summary>From now on the Bot Framework key set also holds key "rotated" (endorsed for msteams).</summary>
    public void PublishRotatedKey() => _rotatedPublished = true;

    /// <summary>Claims of a valid Bot Framework token for <paramref name="now"/>; tests change what they need.</summary>
    public static TokenSpec BotFrameworkSpec(DateTimeOffset now) => new()
    {
        Issuer = BotFrameworkIssuer,
        Audience = AppId,
        KeyId = "good",
        NotBefore = now.AddMinutes(-1),
        Expires = now.AddMinutes(59),
        ServiceUrl = ServiceUrl,
    };

    /// <summary>The calling app a test host lists in Teams:AllowedCallers.</summary>
    public const string AllowedCaller = "99999999-8888-7777-6666-555555555555";

    /// <summary>Any other app registration of the same tenant.</summary>
    public const string ForeignCaller = "12345678-aaaa-bbbb-cccc-1234567890ab";

    /// <summary>
    /// Claims of an Entra v2.0 app-only token for the bot from <paramref name="caller"/> in <paramref name="tenant"/>,
    /// with tid, azp, ver and serviceurl, as Entra would sign it; tests change what they need.
    /// </summary>
    public static TokenSpec EntraSpec(DateTimeOffset now, string tenant, string serviceUrl, string caller = AllowedCaller) => new()
    {
        Issuer = $"https://login.microsoftonline.com/{tenant}/v2.0",
        Audience = AppId,
        KeyId = "entra",
        NotBefore = now.AddMinutes(-1),
        Expires = now.AddMinutes(59),
        ServiceUrl = serviceUrl,
        Claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["ver"] = "2.0", ["azp"] = caller, ["tid"] = tenant },
    };

    /// <summary>Signs a token (RS256 by default) with the named RSA key.</summary>
    public string Sign(TokenSpec spec, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var key = new RsaSecurityKey(_keys[spec.KeyId]) { KeyId = spec.KeyId };
        return Create(spec, new SigningCredentials(key, algorithm));
    }

    /// <summary>Signs a token with HMAC (HS256) using a random symmetric key, keeping the kid of <paramref name="spec"/>.</summary>
    public static string SignSymmetric(TokenSpec spec)
    {
        var key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)) { KeyId = spec.KeyId };
        return Create(spec, new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
    }

    /// <summary>An unsigned token: header alg "none" and an empty signature part.</summary>
    public static string UnsignedToken(TokenSpec spec)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = spec.KeyId };
        var payload = new JsonObject
        {
            ["iss"] = spec.Issuer,
            ["aud"] = spec.Audience,
            ["nbf"] = spec.NotBefore.ToUnixTimeSeconds(),
            ["exp"] = spec.Expires.ToUnixTimeSeconds(),
        };
        if (spec.ServiceUrl is not null)
        {
            payload["serviceurl"] = spec.ServiceUrl;
        }

        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.";
    }

    private static string Create(TokenSpec spec, SigningCredentials credentials)
    {
        var claims = new Dictionary<string, object>(spec.Claims ?? new Dictionary<string, object>(), StringComparer.Ordinal);
        if (spec.ServiceUrl is not null)
        {
            claims["serviceurl"] = spec.ServiceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            NotBefore = spec.NotBefore.UtcDateTime,
            Expires = spec.Expires.UtcDateTime,
            IssuedAt = spec.NotBefore.UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private JsonObject Metadata(string issuer, string keysPath) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = new Uri(Root, "authorize").AbsoluteUri,
        ["jwks_uri"] = new Uri(Root, keysPath).AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    };

    private JsonObject KeySet(params (string Kid, string[]? Endorsements)[] keys)
    {
        var array = new JsonArray();
        foreach (var (kid, endorsements) in keys)
        {
            var parameters = _keys[kid].ExportParameters(includePrivateParameters: false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = kid,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (endorsements is not null)
            {
                jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode?)JsonValue.Create(e))]);
            }

            array.Add(jwk);
        }

        return new JsonObject { ["keys"] = array };
    }

    private static IResult Json(JsonObject body) =>
        Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8);
}

/// <summary>What goes into a test token.</summary>
public sealed record TokenSpec
{
    public required string Issuer { get; init; }

    public required string Audience { get; init; }

    public required string KeyId { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset Expires { get; init; }

    public string? ServiceUrl { get; init; }

    /// <summary>Further payload claims (azp, appid, ver, tid ...).</summary>
    public IReadOnlyDictionary<string, object>? Claims { get; init; }
}
