using System.Net.Sockets;
using System.Text.RegularExpressions;
using Azure;
using Azure.Identity;

namespace CoachBot.Storage;

/// <summary>Sorts the Azure SDK's failures into outage vs. caller semantics and describes them without secrets.</summary>
internal static partial class StorageFailures
{
    public const string TableNotFoundCode = "TableNotFound";

    public static bool IsTableNotFound(RequestFailedException e) =>
        e.Status == 404 && string.Equals(e.ErrorCode, TableNotFoundCode, StringComparison.Ordinal);

    /// <summary>
    /// True when the failure is the store's, not the caller's: no answer (status 0, network errors, our own network
    /// timeout), a server error (5xx), or throttling (408, 429). Cancellation by the caller is not an outage.
    /// </summary>
    public static bool IsUnavailable(Exception exception, CancellationToken callerToken) => exception switch
    {
        RequestFailedException e => e.Status is 0 or 408 or 429 or >= 500,
        AggregateException e => e.Flatten().InnerExceptions is { Count: > 0 } inner && inner.All(x => IsUnavailable(x, callerToken)),
        HttpRequestException or SocketException or IOException or TimeoutException => true,

        // Keyless access: no token (the identity endpoint is down, or no identity is configured) is no storage.
        AuthenticationFailedException or CredentialUnavailableException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>A one-line reason for logs and health reports, e.g. "Connection refused (127.0.0.1:10002)".</summary>
    public static string Reason(Exception exception)
    {
        var reason = exception switch
        {
            RequestFailedException { Status: > 0 } e => $"HTTP {e.Status} {e.ErrorCode}".TrimEnd(),
            RequestFailedException { InnerException: { } inner } => Reason(inner),
            AggregateException e when e.Flatten().InnerExceptions is { Count: > 0 } inner => Reason(inner[^1]),
            HttpRequestException { InnerException: SocketException socket } e => $"{e.Message} ({socket.SocketErrorCode})",
            OperationCanceledException => "no answer within the network timeout",
            _ => FirstLine(exception.Message),
        };
        return Redact(reason);
    }

    /// <summary>Removes anything that looks like a key or signature, in case a message ever quotes a URL or a
    /// connection string.</summary>
    public static string Redact(string text) => SecretPattern().Replace(text, "$1=***");

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    [GeneratedRegex("(AccountKey|SharedAccessSignature|SharedAccessKey|sig)=[^;&\\s'\"]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();
}
