using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CoachBot.Scheduler.Tests.Support;

/// <summary>
/// Stands in for the chat platforms in the multi-process tests: an HTTP listener on 127.0.0.1 that the replicas'
/// "local" sender POSTs every message to (JSON <c>{user, text, replica}</c>). Counts deliveries per user and per
/// (user, text hash), so both duplicates and misses can be counted, and per replica (the <c>X-Replica</c> header).
/// </summary>
public sealed class DeliverySink : IDisposable
{
    private const int AcceptLoops = 16;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly ConcurrentDictionary<string, int> _perUser = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string User, string Hash), int> _perMessage = new();
    private readonly ConcurrentDictionary<string, int> _perReplica = new(StringComparer.Ordinal);
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _total;
    private long _firstAt = -1;
    private long _lastAt = -1;

    private DeliverySink(HttpListener listener, int port)
    {
        _listener = listener;
        Port = port;
        for (var i = 0; i < AcceptLoops; i++)
        {
            _loops.Add(Task.Run(AcceptAsync));
        }
    }

    public int Port { get; }

    /// <summary>Where the replicas POST (Sink:Url).</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/deliveries");

    /// <summary>Messages received, duplicates included.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Users who got at least one message.</summary>
    public int DistinctUsers => _perUser.Count;

    /// <summary>Extra copies of a message a user already had (same user, same text).</summary>
    public int Duplicates => _perMessage.Values.Sum(n => n - 1);

    /// <summary>Messages per replica.</summary>
    public IReadOnlyDictionary<string, int> ByReplica => new Dictionary<string, int>(_perReplica, StringComparer.Ordinal);

    /// <summary>Messages the user got.</summary>
    public int CountFor(string userKey) => _perUser.GetValueOrDefault(userKey);

    /// <summary>Users (keys) who got the same message more than once.</summary>
    public IReadOnlyList<string> DuplicatedUsers() => [.. _perMessage.Where(p => p.Value > 1).Select(p => p.Key.User).Distinct(StringComparer.Ordinal)];

    /// <summary>Every user key that got something.</summary>
    public IReadOnlySet<string> Users() => new HashSet<string>(_perUser.Keys, StringComparer.Ordinal);

    /// <summary>From the first to the last message received (zero before two arrived).</summary>
    public TimeSpan FirstToLast =>
        Interlocked.Read(ref _firstAt) is var first and >= 0 && Interlocked.Read(ref _lastAt) is var last and >= 0
            ? Stopwatch.GetElapsedTime(first, last)
            : TimeSpan.Zero;

    /// <summary>Since the sink started, when the last message arrived.</summary>
    public TimeSpan LastAt => Interlocked.Read(ref _lastAt) is var last and >= 0 ? Stopwatch.GetElapsedTime(_started, last) : TimeSpan.Zero;

    /// <summary>Starts listening on a free loopback port.</summary>
    public static DeliverySink Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new DeliverySink(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Taken between the probe and the bind: try another port.
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            Task.WaitAll([.. _loops], TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loops end with the listener; how they ended does not matter here.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await HandleAsync(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The replica went away mid-request (killed): nothing was recorded unless the body was read.
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var message = await JsonSerializer.DeserializeAsync<Received>(context.Request.InputStream, Json, _stop.Token);
        if (message is null || string.IsNullOrEmpty(message.User))
        {
            context.Response.StatusCode = 400;
            context.Response.Close();
            return;
        }

        Record(message.User, message.Text ?? string.Empty, context.Request.Headers["X-Replica"] ?? message.Replica ?? "(none)");
        context.Response.StatusCode = 204;
        context.Response.Close();
    }

    private void Record(string user, string text, string replica)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _firstAt, now, -1);
        _perUser.AddOrUpdate(user, 1, (_, n) => n + 1);
        _perMessage.AddOrUpdate((user, Hash(text)), 1, (_, n) => n + 1);
        _perReplica.AddOrUpdate(replica, 1, (_, n) => n + 1);
        Interlocked.Exchange(ref _lastAt, now);
        Interlocked.Increment(ref _total);
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private sealed record Received(string? User, string? Text, string? Replica);
}
