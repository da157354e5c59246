using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoachBot.Teams.Tests.FakeConnector;

/// <summary>One request the fake connector received.</summary>
public sealed record ConnectorRequest(
    string Method, string Path, string? ConversationId, string? ActivityId, JsonNode? Body, string? Authorization);

/// <summary>
/// A Bot Connector on real Kestrel (127.0.0.1, random port) with the v3 routes CoachBot uses. Records every request,
/// answers <c>{"id": ...}</c>, serves rosters set with <see cref="SetRoster"/> (at most
/// <see cref="RosterPageSize"/> members a page, whatever was asked, so paging is always exercised), and fails the next
/// requests on demand.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentQueue<(int Status, int? RetryAfterSeconds)> _failures = new();
    private readonly SemaphoreSlim _received = new(0);
    private readonly ConcurrentDictionary<string, (int Status, JsonObject[] Members)> _rosters = new(StringComparer.Ordinal);
    private int _nextId;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>The base URL to use as an activity's serviceUrl (ends with a slash).</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<ConnectorRequest> Requests => [.. _requests];

    /// <summary>Starts a fake connector.</summary>
    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeConnector(app);
        app.MapPost("/v3/conversations", ctx => fake.HandleAsync(ctx, null, null));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext ctx, string conversationId) => fake.HandleAsync(ctx, conversationId, null));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext ctx, string conversationId, string activityId) => fake.HandleAsync(ctx, conversationId, activityId));
        app.MapGet("/v3/conversations/{conversationId}/pagedmembers", (HttpContext ctx, string conversationId) => fake.RosterAsync(ctx, conversationId));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext ctx, string conversationId, string activityId) => fake.HandleAsync(ctx, conversationId, activityId));
        await app.StartAsync();
        var address = app.Urls.First();
        fake.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Most members the fake puts on one roster page.</summary>
    public const int RosterPageSize = 2;

    /// <summary>The roster of a team or channel: people (<c>29:…</c>, role user) and bots (<c>28:…</c>) by id.</summary>
    public void SetRoster(string conversationId, params string[] memberIds) =>
        _rosters[conversationId] = (200, [.. memberIds.Select(id => new JsonObject
        {
            ["id"] = id,
            ["name"] = "Member " + id,
            ["aadObjectId"] = Guid.NewGuid().ToString(),
            ["userRole"] = id.StartsWith("28:", StringComparison.Ordinal) ? "bot" : "user",
        })]);

    /// <summary>Every roster request for <paramref name="conversationId"/> gets <paramref name="statusCode"/>.</summary>
    public void FailRoster(string conversationId, int statusCode) => _rosters[conversationId] = (statusCode, []);

    /// <summary>The next <paramref name="times"/> requests get <paramref name="statusCode"/> (and Retry-After when given).</summary>
    public void FailNext(int statusCode, int times = 1, int? retryAfterSeconds = null)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue((statusCode, retryAfterSeconds));
        }
    }

    /// <summary>Waits for a request that matches, already received or yet to come.</summary>
    public async Task<ConnectorRequest> WaitForAsync(Func<ConnectorRequest, bool> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var match = _requests.FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }

            try
            {
                await _received.WaitAsync(TimeSpan.FromMilliseconds(50), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching connector request within {timeout}; got {_requests.Count} request(s).");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _received.Dispose();
    }

    private async Task RosterAsync(HttpContext context, string conversationId)
    {
        var id = Uri.UnescapeDataString(conversationId);
        _requests.Enqueue(new ConnectorRequest("GET", context.Request.Path.Value ?? string.Empty, id, null, null, context.Request.Headers.Authorization.FirstOrDefault()));
        _received.Release();
        if (!_rosters.TryGetValue(id, out var roster))
        {
            roster = (404, []);
        }

        if (roster.Status != 200)
        {
            context.Response.StatusCode = roster.Status;
            await context.Response.WriteAsJsonAsync(new { error = new { code = "Forbidden", message = "roster refused" } });
            return;
        }

        var start = int.TryParse(context.Request.Query["continuationToken"], CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var page = new JsonArray([.. roster.Members.Skip(start).Take(RosterPageSize).Select(m => m.DeepClone())]);
        var next = start + RosterPageSize < roster.Members.Length ? (start + RosterPageSize).ToString(CultureInfo.InvariantCulture) : null;
        await context.Response.WriteAsJsonAsync(new JsonObject { ["continuationToken"] = next, ["members"] = page });
    }

    private async Task HandleAsync(HttpContext context, string? conversationId, string? activityId)
    {
        JsonNode? body = null;
        if (context.Request.ContentLength is not 0)
        {
            body = await JsonNode.ParseAsync(context.Request.Body);
        }

        _requests.Enqueue(new ConnectorRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            // Routing leaves %2F escaped; unescape so tests see the ids as sent.
            conversationId is null ? null : Uri.UnescapeDataString(conversationId),
            activityId is null ? null : Uri.UnescapeDataString(activityId),
            body,
            context.Request.Headers.Authorization.FirstOrDefault()));
        _received.Release();

        if (_failures.TryDequeue(out var failure))
        {
            context.Response.StatusCode = failure.Status;
            if (failure.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsJsonAsync(new { error = new { code = "Injected", message = "injected failure" } });
            return;
        }

        var n = Interlocked.Increment(ref _nextId);
        var id = conversationId is null ? $"a:conv-{n}" : $"activity-{n}";
        context.Response.StatusCode = (int)(context.Request.Method == "PUT" ? HttpStatusCode.OK : HttpStatusCode.Created);
        await context.Response.WriteAsJsonAsync(new { id });
    }
}
