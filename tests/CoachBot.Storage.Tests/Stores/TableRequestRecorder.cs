using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CoachBot.Storage.Tests.Stores;

/// <summary>
/// A per-call pipeline policy for <see cref="CoachBotTables"/> that records every request's table, keys and
/// <c>$filter</c>, so a test can prove which queries a store issues; it can also stop a chosen request before it is
/// sent, which is how a crash between two writes looks to storage.
/// </summary>
internal sealed class TableRequestRecorder : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<TableRequest> _requests = new();

    /// <summary>Requests for which this returns true throw instead of being sent.</summary>
    public Func<TableRequest, bool>? FailWhen { get; set; }

    public IReadOnlyList<TableRequest> Requests => [.. _requests];

    public void Clear() => _requests.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.Request.Uri.ToUri();

        // /{account}/{table}(PartitionKey='..',RowKey='..') for a row, /{account}/{table}() or /{account}/{table} for a query.
        var resource = Uri.UnescapeDataString(uri.AbsolutePath[(uri.AbsolutePath.LastIndexOf('/') + 1)..]);
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        var request = new TableRequest(
            message.Request.Method.Method,
            paren < 0 ? resource : resource[..paren],
            paren < 0 ? string.Empty : resource[paren..],
            Filter(uri.Query));
        _requests.Enqueue(request);
        if (FailWhen?.Invoke(request) == true)
        {
            throw new InvalidOperationException($"Simulated crash before {request.Method} {request.Table}{request.Keys}.");
        }
    }

    private static string? Filter(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith("$filter=", StringComparison.Ordinal) || p.StartsWith("%24filter=", StringComparison.Ordinal))
            .Select(p => Uri.UnescapeDataString(p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..].Replace('+', ' ')))
            .FirstOrDefault();
}
