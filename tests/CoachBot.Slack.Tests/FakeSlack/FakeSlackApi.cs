using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Tests.FakeSlack;

/// <summary>
/// A fake Slack Web API on loopback (real Kestrel, real HTTP): records every POST to <c>/api/{method}</c> and to
/// <see cref="ResponseUrl"/>, answers with sensible defaults, and can be told to fail the next calls of a method.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FakeSlackCall> _calls = [];
    private readonly List<Failure> _failures = [];
    private readonly FakeSlackAnswers _answers = new();
    private readonly TimeProvider _time;
    private WebApplication? _app;
    private Uri? _root;

    private FakeSlackApi(TimeProvider time) => _time = time;

    /// <summary>The Web API base URL (ends in <c>/api/</c>), for <see cref="SlackOptions.ApiBaseUrl"/>.</summary>
    public Uri BaseUrl => new(Root, "api/");

    /// <summary>users.info answers by user id (the <c>user</c> object); unknown ids get user_not_found.</summary>
    public IDictionary<string, JsonObject> Users => _answers.Users;

    /// <summary>conversations.members answers by channel id (pages of the asked limit); unknown ids get channel_not_found.</summary>
    public IDictionary<string, string[]> ChannelMembers => _answers.ChannelMembers;

    /// <summary>The whole oauth.v2.access answer; null answers ok:false invalid_code.</summary>
    public JsonObject? OAuthAnswer
    {
        get => _answers.OAuthAnswer;
        set => _answers.OAuthAnswer = value;
    }

    /// <summary>The URL apps.connections.open returns; null answers ok:false invalid_auth.</summary>
    public Uri? SocketUrl
    {
        get => _answers.SocketUrl;
        set => _answers.SocketUrl = value;
    }

    /// <summary>A snapshot of every call so far, in arrival order.</summary>
    public IReadOnlyList<FakeSlackCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    private Uri Root => _root ?? throw new InvalidOperationException("The fake Slack is not started; use FakeSlackApi.StartAsync().");

    /// <summary>Starts the fake on 127.0.0.1 with a free port. <paramref name="time"/> stamps the calls (default: system clock).</summary>
    public static async Task<FakeSlackApi> StartAsync(TimeProvider? time = null)
    {
        var fake = new FakeSlackApi(time ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/{method}", (HttpContext context, string method) => fake.HandleAsync(context, method));
        app.MapPost("/response/{id}", (HttpContext context, string id) => fake.HandleAsync(context, $"response_url:{id}"));
        app.MapPost("/upload/{id}", (HttpContext context, string id) => fake.HandleAsync(context, $"upload:{id}"));
        await app.StartAsync();
        fake._app = app;
        fake._root = new Uri(app.Urls.First() + "/");
        fake._answers.UploadBase = new Uri(fake._root, "upload/");
        return fake;
    }

    /// <summary>A response_url on this server; posts to it are recorded as method <c>response_url:{id}</c>.</summary>
    public Uri ResponseUrl(string id) => new(Root, $"response/{Uri.EscapeDataString(id)}");

    /// <summary>The calls to one method so far.</summary>
    public IReadOnlyList<FakeSlackCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>Adds a user that users.info knows.</summary>
    public void AddUser(string id, string tz = "America/New_York", string locale = "en-US", bool deleted = false, bool isBot = false) =>
        _answers.Users[id] = new JsonObject
        {
            ["id"] = id,
            ["name"] = $"user-{id.ToLowerInvariant()}",
            ["tz"] = tz,
            ["locale"] = locale,
            ["deleted"] = deleted,
            ["is_bot"] = isBot,
        };

    /// <summary>
    /// Makes the next <paramref name="times"/> calls to <paramref name="method"/> fail with the status code, the body
    /// (default ok:false with <c>ratelimited</c> for 429, else <c>http_{status}</c>) and an optional Retry-After.
    /// </summary>
    public void FailNext(
        string method, int statusCode, JsonObject? body = null, int? retryAfterSeconds = null, int times = 1, FakeSlackFault fault = FakeSlackFault.Refuse)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        var answer = body ?? FakeSlackAnswers.Error(statusCode == 429 ? "ratelimited" : $"http_{statusCode}");
        lock (_gate)
        {
            _failures.Add(new Failure(method, statusCode, answer, retryAfterSeconds, fault) { Remaining = times });
        }
    }

    /// <summary>The messages chat.postMessage put in <paramref name="channel"/> so far (what its members see), oldest first.</summary>
    public IReadOnlyList<JsonObject> MessagesIn(string channel) => _answers.MessagesIn(channel);

    /// <summary>Forgets the calls and the injected failures (users, OAuth answer and socket URL stay).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _calls.Clear();
            _failures.Clear();
        }
    }

    /// <summary>Waits (real time) for a call to <paramref name="method"/> matching <paramref name="match"/>; fails listing the calls seen.</summary>
    public async Task<FakeSlackCall> WaitForCallAsync(string method, Func<FakeSlackCall, bool>? match = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            var found = CallsTo(method).FirstOrDefault(c => match is null || match(c));
            if (found is not null)
            {
                return found;
            }

            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > limit)
            {
                var seen = Calls;
                var list = seen.Count == 0 ? "  (none)" : string.Join(Environment.NewLine, seen.Select(c => "  " + c));
                Assert.Fail($"The fake Slack saw no matching {method} call within {limit.TotalSeconds:0.#} s. Calls seen:{Environment.NewLine}{list}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context, string method)
    {
        var body = await ReadBodyAsync(context.Request);
        var token = ReadToken(context.Request);
        var failure = TakeFailure(method);
        var status = failure?.StatusCode ?? 200;
        var applies = failure is null or { Fault: FakeSlackFault.ApplyThenFail or FakeSlackFault.ApplyThenDrop };
        var applied = applies ? _answers.Answer(method, body) : null;
        var answer = failure?.Body.DeepClone().AsObject() ?? applied!;
        var succeeded = status == 200 && answer["ok"] is JsonValue ok && ok.TryGetValue<bool>(out var isOk) && isOk;
        var call = new FakeSlackCall(method, token, body, _time.GetUtcNow())
        {
            StatusCode = failure?.Fault is FakeSlackFault.Drop or FakeSlackFault.ApplyThenDrop or FakeSlackFault.Hang ? 0 : status,
            Succeeded = succeeded,
            ContentType = context.Request.ContentType,
        };
        lock (_gate)
        {
            _calls.Add(call);
        }

        switch (failure?.Fault)
        {
            case FakeSlackFault.Drop or FakeSlackFault.ApplyThenDrop:
                context.Abort();
                return;
            case FakeSlackFault.Hang:
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return;
        }

        context.Response.StatusCode = status;
        if (failure?.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private Failure? TakeFailure(string method)
    {
        lock (_gate)
        {
            var failure = _failures.FirstOrDefault(f => f.Method == method && f.Remaining > 0);
            if (failure is not null)
            {
                failure.Remaining--;
            }

            return failure;
        }
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fields = new JsonObject();
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }

            return fields;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["_raw"] = text };
        }
        catch (JsonException)
        {
            return new JsonObject { ["_raw"] = text };
        }
    }

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return header["Bearer ".Length..];
        }

        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
            return "basic:" + decoded.Split(':', 2)[0];
        }

        return null;
    }

    private sealed record Failure(string Method, int StatusCode, JsonObject Body, int? RetryAfterSeconds, FakeSlackFault Fault)
    {
        public int Remaining { get; set; }
    }
}
