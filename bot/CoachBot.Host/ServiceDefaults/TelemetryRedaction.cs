using System.Diagnostics;

namespace CoachBot.Host.ServiceDefaults;

/// <summary>
/// Keeps secrets that travel in URLs out of logs and exported traces: a Slack response_url
/// (<c>hooks.slack.com/…/token</c>) or upload URL (<c>files.slack.com/upload/…</c>) is a bearer credential by itself,
/// and OAuth callbacks carry their code in the query. Only the scheme, host and port are kept.
/// </summary>
internal static class TelemetryRedaction
{
    /// <summary>What stands in for a removed path or query.</summary>
    public const string Redacted = "REDACTED";

    /// <summary><c>scheme://host:port</c> of the URL, or <c>(none)</c>.</summary>
    public static string Origin(Uri? url) =>
        url is { IsAbsoluteUri: true } ? url.GetLeftPart(UriPartial.Authority) : "(none)";

    /// <summary>Replaces the outgoing call's URL attributes by the origin alone.</summary>
    public static void RedactClientUrl(Activity activity, Uri? url)
    {
        activity.SetTag("url.full", url is null ? null : $"{Origin(url)}/{Redacted}");
        activity.SetTag("http.url", null);
        activity.SetTag("url.path", null);
        activity.SetTag("url.query", null);
    }

    /// <summary>
    /// Replaces a routed request's path by its route template when the route has parameters: the download links
    /// (<c>/exports/{token}</c>, <c>/charts/progress/{token}.png</c>) are capabilities, valid for anyone who holds them.
    /// </summary>
    public static void RedactServerPath(Activity activity, HttpResponse response)
    {
        if (response.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern: { Parameters.Count: > 0 } pattern })
        {
            activity.SetTag("url.path", pattern.RawText ?? Redacted);
            activity.SetTag("url.full", null);
            activity.SetTag("http.target", null);
        }
    }

    /// <summary>Replaces an incoming request's query (OAuth codes and states) by a marker.</summary>
    public static void RedactServerQuery(Activity activity, HttpRequest request)
    {
        if (request.QueryString.HasValue)
        {
            activity.SetTag("url.query", Redacted);
            activity.SetTag("url.full", null);
            activity.SetTag("http.target", request.Path.Value);
        }
    }
}
