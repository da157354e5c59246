using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CoachBot.Host.Local;

/// <summary>
/// Lets only this machine's own callers reach the local channel. The local API has no login, so a web page the
/// developer opens must not use their browser against it: loopback callers only; a Host header naming this machine and
/// the port the request came in on (DNS rebinding gives an attacker's name for 127.0.0.1); no Origin but our own
/// (cross-site posts); and JSON bodies only, which a page on another origin cannot send without a preflight we never allow.
/// </summary>
public sealed class LocalCallerFilter : IEndpointFilter
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return Refusal(context.HttpContext) ?? await next(context);
    }

    /// <summary>Why this request may not use the local channel, or null when it may.</summary>
    internal static IResult? Refusal(HttpContext context)
    {
        var connection = context.Connection;
        var port = connection.LocalPort;
        var playground = $"http://localhost:{port}/";
        if (connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
        {
            return Forbidden("The local channel answers only callers on this machine; run the bot where you use it, or configure Slack or Teams.");
        }

        var request = context.Request;
        if (!IsOwnAuthority(request.Host.Host, request.Host.Port, port))
        {
            return Forbidden($"The local channel answers only requests addressed to localhost, 127.0.0.1 or [::1] on port {port}; open {playground}.");
        }

        if (request.Headers.Origin is { Count: > 0 } origins && !origins.All(o => IsOwnOrigin(o, port)))
        {
            return Forbidden($"The local channel refuses requests sent by other web pages; use the playground at {playground}.");
        }

        if (HttpMethods.IsPost(request.Method) && !IsJson(request.ContentType))
        {
            return TypedResults.Problem("Send the body as JSON with the header Content-Type: application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        return null;
    }

    private static bool IsOwnAuthority(string host, int? hostPort, int localPort) =>
        LoopbackHosts.Contains(host, StringComparer.OrdinalIgnoreCase)
        && (hostPort ?? 80) == localPort;

    private static bool IsOwnOrigin(string? origin, int localPort) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && IsOwnAuthority(uri.Host, uri.Port, localPort);

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
}
