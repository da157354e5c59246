using Microsoft.AspNetCore.Http.Features;

namespace CoachBot.Host.Calendar;

/// <summary>
/// Keeps the calendar feed's token (a bearer secret in the path, <c>/calendar/{token}.ics</c>) out of every log line
/// and trace. ASP.NET Core's hosting layer copies the request path into the <c>RequestPath</c> logging scope, its
/// "Request starting" line and the server span's <c>url.path</c> as soon as the request's context exists, before any
/// middleware runs; so the path is swapped here, where the context is made, for <see cref="RedactedPath"/>, and the
/// real file name travels to the endpoint in a request feature that nothing logs.
/// </summary>
internal sealed class CalendarFeedPathRedaction(IHttpContextFactory inner) : IHttpContextFactory
{
    /// <summary>What every calendar feed request's path reads as in logs, traces and routing.</summary>
    public const string RedactedPath = CalendarFeedLinks.RoutePrefix + "redacted" + CalendarFeedLinks.Suffix;

    public HttpContext Create(IFeatureCollection featureCollection)
    {
        var context = inner.Create(featureCollection);
        Redact(context);
        return context;
    }

    public void Dispose(HttpContext httpContext) => inner.Dispose(httpContext);

    /// <summary>The file name the caller asked for (<c>{token}.ics</c>), or null when the request was not redacted.</summary>
    public static string? RequestedFile(HttpContext context) => context.Features.Get<RequestedFeedFile>()?.Name;

    /// <summary>Moves the path's token into a feature; paths outside <see cref="CalendarFeedLinks.RoutePrefix"/> stay as they are.</summary>
    internal static void Redact(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is null || !path.StartsWith(CalendarFeedLinks.RoutePrefix, StringComparison.OrdinalIgnoreCase)
            || path.Length == CalendarFeedLinks.RoutePrefix.Length)
        {
            return;
        }

        context.Features.Set(new RequestedFeedFile(path[CalendarFeedLinks.RoutePrefix.Length..]));
        context.Request.Path = RedactedPath;
        if (context.Features.Get<IHttpRequestFeature>() is { } request)
        {
            // The raw request line holds the token too (and any query): nothing needs it past this point.
            request.RawTarget = RedactedPath;
        }
    }

    private sealed record RequestedFeedFile(string Name);
}
