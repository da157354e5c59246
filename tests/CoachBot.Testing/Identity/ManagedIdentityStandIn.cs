using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoachBot.Testing.Identity;

/// <summary>
/// The managed identity endpoint of Container Apps and App Service (what <c>IDENTITY_ENDPOINT</c> and
/// <c>IDENTITY_HEADER</c> name), on loopback: answers a GET carrying the X-IDENTITY-HEADER secret with a token for the
/// requested resource, and records who asked for what.
/// </summary>
public sealed class ManagedIdentityStandIn : IAsyncDisposable
{
    /// <summary>The secret the platform hands the app in IDENTITY_HEADER.</summary>
    public const string Header = "identity-header-of-this-test";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<IdentityRequest> _requests = new();

    private ManagedIdentityStandIn(WebApplication app) => _app = app;

    /// <summary>The token URL, for IDENTITY_ENDPOINT.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<IdentityRequest> Requests => [.. _requests];

    /// <summary>The environment a process needs to use this stand-in as its managed identity.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["IDENTITY_ENDPOINT"] = Endpoint.ToString(),
        ["IDENTITY_HEADER"] = Header,
    };

    public static async Task<ManagedIdentityStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new ManagedIdentityStandIn(app);
        app.MapGet("/msi/token", (HttpRequest request) =>
        {
            var header = request.Headers["X-IDENTITY-HEADER"].ToString();
            var resource = request.Query["resource"].ToString().TrimEnd('/');
            var clientId = request.Query["client_id"].ToString();
            standIn._requests.Enqueue(new IdentityRequest(header, resource, clientId.Length == 0 ? null : clientId));
            if (header != Header)
            {
                return Results.Json(new { error = "invalid_request" }, statusCode: 400);
            }

            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = Token(resource),
                ["expires_on"] = TimeProvider.System.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["resource"] = resource,
                ["token_type"] = "Bearer",
                ["client_id"] = clientId.Length == 0 ? "8d2c4f1e-0000-4000-8000-00000000c11d" : clientId,
            });
        });
        await app.StartAsync();
        standIn.Endpoint = new Uri(app.Urls.First() + "/msi/token");
        return standIn;
    }

    /// <summary>A token shaped like Entra's: what Azurite's basic OAuth check reads (issuer, audience, lifetime).</summary>
    public static string Token(string audience)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        static string Part(JsonObject json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = Part(new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" });
        var payload = Part(new JsonObject
        {
            ["aud"] = audience, ["iss"] = "https://sts.windows.net/72f988bf-0000-4000-8000-0000000000aa/",
            ["iat"] = now - 60, ["nbf"] = now - 60, ["exp"] = now + 3600, ["oid"] = "0b7c5d2e-0000-4000-8000-0000000000bb",
        });
        return $"{header}.{payload}.c2lnbmF0dXJl";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One token request: the identity header sent, the resource asked for and the user-assigned client id, if any.</summary>
public sealed record IdentityRequest(string Header, string Resource, string? ClientId);
