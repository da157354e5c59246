using Microsoft.Extensions.Http.Logging;

namespace CoachBot.Host.ServiceDefaults;

/// <summary>
/// Replaces HttpClient's default request logging, which writes the full request URI: a Slack response_url or upload
/// URL carries its own secret in the path, and a Teams serviceUrl path names conversations. This logs the method, the
/// host, the status and the time, nothing of the path or query.
/// </summary>
internal sealed partial class RedactedHttpClientLogger(ILogger<RedactedHttpClientLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        Stopped(logger, request.Method.Method, TelemetryRedaction.Origin(request.RequestUri), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(
        object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        Failed(logger, request.Method.Method, TelemetryRedaction.Origin(request.RequestUri), exception.GetType().Name, elapsed.TotalMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "HTTP {Method} {Origin} answered {StatusCode} in {ElapsedMs:0} ms")]
    private static partial void Stopped(ILogger logger, string method, string origin, int statusCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "HTTP {Method} {Origin} failed with {Error} after {ElapsedMs:0} ms")]
    private static partial void Failed(ILogger logger, string method, string origin, string error, double elapsedMs);
}
