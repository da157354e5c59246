using System.Net;
using System.Text.Json;
using CoachBot.Core.Storage;
using CoachBot.Teams.Auth;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams.Inbound;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework messaging endpoint. The body is capped, parsed, authenticated (a
/// Bot Framework or Entra JWT when <see cref="TeamsOptions.AppId"/> is set, plus a Microsoft serviceUrl host and the
/// configured tenant; otherwise only callers on this machine), checked for the fields CoachBot needs, and handed to
/// <see cref="TeamsActivityHandler"/>.
/// </summary>
public static class TeamsEndpoints
{
    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", (HttpContext http, CancellationToken cancellationToken) => HandleAsync(http, cancellationToken))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsEndpoints));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBodyBytes;
        }

        if (http.Request.ContentLength > options.MaxBodyBytes)
        {
            await DrainAsync(http, cancellationToken);
            return Problem(413, "Payload too large", $"Activities are at most {options.MaxBodyBytes} bytes.");
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, TeamsJson.Options, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(413, "Payload too large", $"Activities are at most {options.MaxBodyBytes} bytes.");
        }
        catch (JsonException ex)
        {
            return Problem(400, "Bad activity", $"The body is not a valid activity: {ex.Message}");
        }

        if (activity is null)
        {
            return Problem(400, "Bad activity", "The body must be a JSON object (an activity).");
        }

        if (await AuthenticateAsync(http, activity, options, services, cancellationToken) is { } failure)
        {
            logger.LogWarning("Rejected a Teams activity: {Reason}", failure);
            return Problem(401, "Unauthorized", options.HasAppId
                ? "A valid Bot Framework token for this bot is required."
                : "Without Teams:AppId only callers on this machine may post activities.");
        }

        if (Check(activity) is { } problem)
        {
            return Problem(400, "Bad activity", problem);
        }

        var serviceUrl = new Uri(activity.ServiceUrl!);
        services.GetRequiredService<TeamsServiceUrlTrust>().Trust(serviceUrl);
        try
        {
            var response = await services.GetRequiredService<TeamsActivityHandler>().HandleAsync(activity, serviceUrl, cancellationToken);
            return response.Body is { } body
                ? Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(body, TeamsJson.Options), "application/json; charset=utf-8")
                : Results.StatusCode(response.StatusCode);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning(ex, "Storage unavailable while handling a Teams activity");
            return Problem(503, "Storage unavailable", "Storage is unreachable; the activity was not handled. Retry shortly.");
        }
    }

    /// <summary>
    /// Reads and drops a refused body (up to a bound), so the client gets the 413 instead of a reset connection.
    /// </summary>
    private static async Task DrainAsync(HttpContext http, CancellationToken cancellationToken)
    {
        const long maxDrain = 8 * 1024 * 1024;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxDrain;
        }

        if (http.Request.ContentLength > maxDrain)
        {
            return;
        }

        var buffer = new byte[16 * 1024];
        try
        {
            while (await http.Request.Body.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
        }
    }

    private static async Task<string?> AuthenticateAsync(
        HttpContext http, Activity activity, TeamsOptions options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!options.HasAppId)
        {
            return http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address) ? null : "anonymous request from another machine";
        }

        var result = await services.GetRequiredService<ITeamsTokenValidator>()
            .ValidateAsync(http.Request.Headers.Authorization, activity.ChannelId, activity.ServiceUrl, cancellationToken);
        if (!result.IsValid)
        {
            return result.Failure ?? "invalid token";
        }

        // A valid token is not enough: replies go to the serviceUrl, and the activity names whose data is touched.
        // Both are checked here, before any store, ledger or send sees the activity.
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            return "the activity's serviceUrl is not an absolute URL";
        }

        var trust = services.GetRequiredService<TeamsServiceUrlTrust>();
        return !trust.IsAllowedHost(serviceUrl) ? trust.DescribeRefusal(serviceUrl) : TeamsTenantCheck.Problem(activity, options);
    }

    /// <summary>What is missing for CoachBot to answer, or null.</summary>
    private static string? Check(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "type is required (message, invoke, installationUpdate, conversationUpdate).";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "serviceUrl is required: the absolute http(s) URL to answer at.";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id) || string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "from.id and conversation.id are required.";
        }

        return activity.Id is { Length: > 200 } ? "id must be at most 200 characters." : null;
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(detail, statusCode: status, title: title);
}
