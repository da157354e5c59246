namespace CoachBot.Slack.Api;

/// <summary>
/// Local token buckets that keep CoachBot under Slack's limits before Slack has to answer 429: one per (team, method)
/// sized from the method's tier, and one per (team, channel) for posting (about one message a second per channel, with
/// a small burst). Buckets are refilled by one timer from the injected <see cref="TimeProvider"/>, and buckets that
/// are full and unused for a while are dropped so the cache stays bounded. Slack counts calls per app and workspace,
/// not per process, so with <c>Slack:Replicas</c> = N every bucket holds and refills 1/N of the limit (ADR 0029):
/// N replicas together stay under Slack's limit. This paces calls before they are sent; retrying a 429 is the HTTP
/// pipeline's job.
/// </summary>
internal sealed class SlackRateLimits : IDisposable
{
    /// <summary>How often buckets are refilled.</summary>
    internal static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>Tier 3: 50 calls a minute (5 every 6 s), bursts of 20.</summary>
    internal static readonly BucketSize Tier3 = new(TokenLimit: 20, TokensPerRefill: 5, TicksPerRefill: 6);

    /// <summary>Tier 4: 100 calls a minute (10 every 6 s), bursts of 40.</summary>
    internal static readonly BucketSize Tier4 = new(TokenLimit: 40, TokensPerRefill: 10, TicksPerRefill: 6);

    /// <summary>Posting to one channel: one message a second, bursts of 3.</summary>
    internal static readonly BucketSize PerChannel = new(TokenLimit: 3, TokensPerRefill: 1, TicksPerRefill: 1);

    private const int MaxBuckets = 10_000;
    private const int IdleTicksBeforeEviction = 300;
    private const int QueueLimit = 1_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _buckets = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private readonly int _replicas;
    private long _ticks;

    /// <summary>Starts the refill timer; <paramref name="replicas"/> is how many replicas share Slack's limits.</summary>
    public SlackRateLimits(TimeProvider time, int replicas = 1)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        _replicas = replicas;
        _timer = time.CreateTimer(_ => OnTick(), null, Tick, Tick);
    }

    /// <summary>The number of buckets held (for tests).</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>The size of the (team, method) bucket for a Web API method.</summary>
    internal static BucketSize ForMethod(string method) => method switch
    {
        // chat.postMessage is "special" (per channel, plus a workspace-wide limit): the workspace part is sized as tier 4.
        "chat.postMessage" or "chat.postEphemeral" or "users.info" or "views.open" or "views.update" or "views.publish" => Tier4,
        _ => Tier3,
    };

    /// <summary>
    /// This replica's share of <paramref name="size"/> when <paramref name="replicas"/> replicas send: the same refill
    /// every <paramref name="replicas"/> times as many ticks, and a burst of 1/<paramref name="replicas"/> (at least 1).
    /// </summary>
    internal static BucketSize Share(BucketSize size, int replicas) => replicas <= 1
        ? size
        : size with { TokenLimit = Math.Max(1, size.TokenLimit / replicas), TicksPerRefill = size.TicksPerRefill * replicas };

    /// <summary>
    /// Waits for a permit for <paramref name="method"/> in <paramref name="teamKey"/> and, when given, for posting to
    /// <paramref name="channel"/>. Throws <see cref="SlackApiException"/> <c>ratelimited</c> when too many calls are
    /// already waiting, and <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public async Task WaitAsync(string teamKey, string method, string? channel, CancellationToken cancellationToken)
    {
        await AcquireAsync($"m|{teamKey}|{method}", Share(ForMethod(method), _replicas), method, cancellationToken);
        if (!string.IsNullOrEmpty(channel))
        {
            await AcquireAsync($"c|{teamKey}|{channel}", Share(PerChannel, _replicas), method, cancellationToken);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            foreach (var entry in _buckets.Values)
            {
                entry.Bucket.Close();
            }

            _buckets.Clear();
        }
    }

    private async Task AcquireAsync(string key, BucketSize size, string method, CancellationToken cancellationToken)
    {
        if (!await GetOrAdd(key, size).WaitAsync(cancellationToken))
        {
            throw new SlackApiException(
                method,
                "ratelimited",
                $"Too many Slack {method} calls are waiting for the local rate limit; try again in a minute.");
        }
    }

    private TokenBucket GetOrAdd(string key, BucketSize size)
    {
        lock (_gate)
        {
            if (_buckets.TryGetValue(key, out var entry))
            {
                entry.LastUsedTick = _ticks;
                return entry.Bucket;
            }

            if (_buckets.Count >= MaxBuckets)
            {
                EvictIdle(minimumIdleTicks: 0);
            }

            entry = new Entry(new TokenBucket(size, QueueLimit)) { LastUsedTick = _ticks };
            _buckets[key] = entry;
            return entry.Bucket;
        }
    }

    private void OnTick()
    {
        List<TokenBucket> due = [];
        lock (_gate)
        {
            _ticks++;
            foreach (var entry in _buckets.Values)
            {
                if (_ticks % entry.Bucket.Size.TicksPerRefill == 0)
                {
                    due.Add(entry.Bucket);
                }
            }

            EvictIdle(IdleTicksBeforeEviction);
        }

        foreach (var bucket in due)
        {
            bucket.Refill();
        }
    }

    /// <summary>Drops buckets that are full, have no waiters and were not used for the given number of ticks.</summary>
    private void EvictIdle(long minimumIdleTicks)
    {
        List<string> idle = [];
        foreach (var (key, entry) in _buckets)
        {
            if (_ticks - entry.LastUsedTick >= minimumIdleTicks && entry.Bucket.IsIdle)
            {
                idle.Add(key);
            }
        }

        foreach (var key in idle)
        {
            _buckets.Remove(key);
        }
    }

    /// <summary>A bucket's size: how many permits it holds and how fast it refills (in <see cref="Tick"/>s).</summary>
    internal sealed record BucketSize(int TokenLimit, int TokensPerRefill, int TicksPerRefill);

    private sealed class Entry(TokenBucket bucket)
    {
        public TokenBucket Bucket { get; } = bucket;

        public long LastUsedTick { get; set; }
    }
}
