using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CoachBot.Core.Telemetry;

/// <summary>
/// Counts every HTTP call a platform client makes in <see cref="CoachBotMetricNames.PlatformApiCalls"/>, tagged with
/// the platform, a bounded operation name and a status class (2xx, 401, 403, 404, 429, other 4xx, 5xx, or error when
/// no answer came). Added last to the Slack and Teams HttpClients, so it sits inside any retry handler and counts each
/// attempt: a 429 that a retry later got past still shows. Paths, ids and tokens never become tags.
/// </summary>
public sealed partial class PlatformCallMetricsHandler : DelegatingHandler
{
    private readonly string _platform;
    private readonly Func<HttpRequestMessage, string> _operation;

    /// <summary>Counts calls of <paramref name="platform"/>, naming each with <paramref name="operation"/>.</summary>
    public PlatformCallMetricsHandler(string platform, Func<HttpRequestMessage, string> operation)
    {
        _platform = platform;
        _operation = operation;
    }

    /// <summary>A handler for the Slack Web API client: the operation is the API method (chat.postMessage).</summary>
    public static PlatformCallMetricsHandler ForSlack() => new("slack", SlackOperation);

    /// <summary>A handler for the Teams Bot Connector client: the operation is what the call does to a conversation.</summary>
    public static PlatformCallMetricsHandler ForTeams() => new("msteams", TeamsOperation);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = "error";
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = StatusClass(response.StatusCode);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = "cancelled";
            throw;
        }
        finally
        {
            CoachBotTelemetry.PlatformApiCalls.Add(
                1, new TagList { { "platform", _platform }, { "operation", _operation(request) }, { "status", status } });
        }
    }

    /// <summary>The status tag: the codes an operator acts on by themselves, the rest by class.</summary>
    public static string StatusClass(HttpStatusCode code) => (int)code switch
    {
        401 => "401",
        403 => "403",
        404 => "404",
        429 => "429",
        >= 200 and < 300 => "2xx",
        >= 300 and < 400 => "3xx",
        >= 400 and < 500 => "4xx",
        >= 500 and < 600 => "5xx",
        _ => "other",
    };

    /// <summary>The Slack method from /api/{method}; uploads to a file URL are "file_upload"; anything else "other".</summary>
    public static string SlackOperation(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        if (path.StartsWith("/api/", StringComparison.Ordinal) && SlackMethod().IsMatch(path[5..]))
        {
            return path[5..];
        }

        return path.StartsWith("/upload/", StringComparison.Ordinal) ? "file_upload" : "other";
    }

    /// <summary>
    /// The Bot Connector call by its shape, ids left out: conversations.create, activities.send, activities.reply,
    /// activities.update, activities.delete, or other.
    /// </summary>
    public static string TeamsOperation(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var segments = (request.RequestUri?.AbsolutePath ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var v3 = Array.IndexOf(segments, "v3");
        var rest = v3 < 0 ? [] : segments[(v3 + 1)..];
        return (request.Method.Method, rest) switch
        {
            ("POST", ["conversations"]) => "conversations.create",
            ("POST", ["conversations", _, "activities"]) => "activities.send",
            ("POST", ["conversations", _, "activities", _]) => "activities.reply",
            ("PUT", ["conversations", _, "activities", _]) => "activities.update",
            ("DELETE", ["conversations", _, "activities", _]) => "activities.delete",
            ("GET", ["conversations", _, "members", ..]) => "members.get",
            _ => "other",
        };
    }

    [GeneratedRegex("^[a-z]+(\\.[a-zA-Z0-9]+){1,3}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SlackMethod();
}
