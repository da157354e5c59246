using System.Collections.Concurrent;
using CoachBot.Core.Delivery;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Storage;
using CoachBot.Core.Telemetry;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Health;
using CoachBot.Scheduler.Index;
using CoachBot.Scheduler.Subjects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduler.Dispatch;

/// <summary>
/// Sends what is due (ARCHITECTURE.md seam 5). Each run walks every shard of the due index from its cursor to now,
/// claims each row (a conditional update; for a fresh habit nudge, the ledger row itself), re-checks it against the
/// current settings, records it in the ledger, sends it and moves its schedule on: next row, pointer and the removal
/// of this row in one transaction (ADR 0039). Safe on any number of replicas; a row whose replica died is taken over
/// when its claim expires.
/// </summary>
public sealed partial class DueIndexDispatcher : IDisposable
{
    private readonly IDueIndex _index;
    private readonly IReadOnlyList<IScheduleSubjects> _subjects;
    private readonly ChannelSenders _senders;
    private readonly IDeliveryLedger _ledger;
    private readonly IUserStore _users;
    private readonly ScheduleSources _sources;
    private readonly SchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly SchedulerHeartbeat _heartbeat;
    private readonly ILogger<DueIndexDispatcher> _logger;
    /// <summary>Walks per run at most: each further one only follows schedules that moved to an occurrence already due.</summary>
    private const int MaxPasses = 5;

    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    /// <summary>
    /// Rows whose processing a run of this process broke off because storage failed (maybe after the claim was
    /// written). Runs here never overlap, so nothing is still working on them: the next run takes them back at once
    /// instead of leaving them until the claim's lease runs out. Cleared by a run that storage did not cut short.
    /// </summary>
    private readonly ConcurrentDictionary<(ScheduleKey Key, Occurrence Occurrence), byte> _brokenOff = new();
    private bool _storageDown;

    public DueIndexDispatcher(
        IDueIndex index,
        IEnumerable<IScheduleSubjects> subjects,
        ChannelSenders senders,
        IDeliveryLedger ledger,
        IUserStore users,
        ScheduleSources sources,
        IOptions<SchedulerOptions> options,
        TimeProvider time,
        SchedulerHeartbeat heartbeat,
        ILogger<DueIndexDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _index = index;
        _subjects = [.. subjects];
        _senders = senders;
        _ledger = ledger;
        _users = users;
        _sources = sources;
        _options = options.Value;
        _time = time;
        _heartbeat = heartbeat;
        _logger = logger;
        ReplicaId = string.IsNullOrWhiteSpace(_options.ReplicaId) ? $"{Environment.MachineName}:{Environment.ProcessId}" : _options.ReplicaId;
    }

    /// <summary>How this replica signs its claims.</summary>
    public string ReplicaId { get; }

    /// <summary>
    /// One walk over every shard. Runs on this replica never overlap (the Quartz job and the local clock both call
    /// it); other replicas may run at the same time. A storage outage ends the run early with one warning; the next
    /// run picks up where it stopped.
    /// </summary>
    public async Task<DispatchSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _oneRunAtATime.WaitAsync(cancellationToken);
        var outcomes = new ConcurrentDictionary<DeliveryOutcome, int>();
        try
        {
            using var activity = CoachBotTelemetry.Source.StartActivity("scheduler.dispatch");
            var now = _time.GetUtcNow();

            // A row that was missed moves its schedule on to the next occurrence, which may itself be due already
            // (a follow-up after a skipped prep prompt, after downtime or a clock jump): walk again for those.
            for (var pass = 0; pass < MaxPasses && await PassAsync(now, outcomes, cancellationToken); pass++)
            {
            }

            _brokenOff.Clear();
            Recovered();
            _heartbeat.RunFinished();
            CoachBotTelemetry.SchedulerRuns.Add(1, new KeyValuePair<string, object?>("result", "ok"));
            var summary = new DispatchSummary(new Dictionary<DeliveryOutcome, int>(outcomes));
            if (summary.Total > 0)
            {
                LogRun(_logger, summary.Total, summary[DeliveryOutcome.Sent], summary[DeliveryOutcome.TooLate], summary[DeliveryOutcome.RetryLater], summary[DeliveryOutcome.NotClaimed]);
            }

            return summary;
        }
        catch (StoreUnavailableException e)
        {
            if (!_storageDown)
            {
                _storageDown = true;
                LogStorageDown(_logger, e.Message);
            }

            // The loop itself is alive (the storage check reports the outage), so this counts as a run.
            _heartbeat.RunFinished();
            CoachBotTelemetry.SchedulerRuns.Add(1, new KeyValuePair<string, object?>("result", "storage_unavailable"));

            return new DispatchSummary(new Dictionary<DeliveryOutcome, int>(outcomes));
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    /// <summary>One walk of every shard; true when it moved a schedule to an occurrence that is due already.</summary>
    private async Task<bool> PassAsync(DateTimeOffset now, ConcurrentDictionary<DeliveryOutcome, int> outcomes, CancellationToken cancellationToken)
    {
        var outage = new PassState();
        var shards = await Task.WhenAll(Enumerable.Range(0, _index.ShardCount).Select(s => ReadShardAsync(s, now, cancellationToken)));
        var pending = new ConcurrentDictionary<int, DateTimeOffset>();
        if (outcomes.IsEmpty)
        {
            CoachBotTelemetry.SchedulerDueRows.Record(shards.Sum(s => s.Items.Count));
        }

        await Parallel.ForEachAsync(
            shards.SelectMany(s => s.Items.Select(item => (s.Shard, item)))
                .OrderBy(x => x.item.Occurrence.DueAt.UtcTicks / TimeSpan.TicksPerMinute)
                .ThenBy(x => OrderFor(x.item)),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelSends, CancellationToken = cancellationToken },
            async (work, token) =>
            {
                var outcome = await ProcessGuardedAsync(work.item, now, outage, token);
                _heartbeat.Beat();
                outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                if (outcome is DeliveryOutcome.RetryLater or DeliveryOutcome.NotClaimed)
                {
                    // Not finished here: the cursor must not pass it, or a row whose replica dies would be lost.
                    pending.AddOrUpdate(work.Shard, work.item.Occurrence.DueAt, (_, at) => at < work.item.Occurrence.DueAt ? at : work.item.Occurrence.DueAt);
                }
            });

        if (outage.Exception is { } failure)
        {
            throw failure;
        }

        foreach (var shard in shards)
        {
            var cursor = now - _options.CursorLag;
            if (shard.Truncated)
            {
                cursor = Min(cursor, shard.Items[^1].Occurrence.DueAt);
            }

            if (pending.TryGetValue(shard.Shard, out var oldest))
            {
                cursor = Min(cursor, oldest);
            }

            await _index.AdvanceCursorAsync(shard.Shard, cursor, cancellationToken);
        }

        return outage.MovedIntoThePast;
    }

    /// <summary>
    /// <see cref="ProcessAsync"/>, but a storage outage marks the run as failed instead of throwing: rows already in
    /// flight finish their send, the rest are left for the next run (nothing touched), and nothing is cancelled
    /// half-way between the ledger row and the send.
    /// </summary>
    private async Task<DeliveryOutcome> ProcessGuardedAsync(DueItem row, DateTimeOffset now, PassState outage, CancellationToken cancellationToken)
    {
        if (outage.Exception is not null)
        {
            return DeliveryOutcome.NotClaimed;
        }

        try
        {
            return await ProcessAsync(row, now, outage, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            outage.Exception ??= e;
            _brokenOff[(row.Key, row.Occurrence)] = 0;
            return DeliveryOutcome.NotClaimed;
        }
    }

    /// <summary>What the rows of one pass tell the pass: storage went away, or a schedule moved to a due occurrence.</summary>
    private sealed class PassState
    {
        public StoreUnavailableException? Exception { get; set; }

        public bool MovedIntoThePast { get; set; }
    }

    public void Dispose() => _oneRunAtATime.Dispose();

    private void Recovered()
    {
        if (_storageDown)
        {
            _storageDown = false;
            LogStorageBack(_logger);
        }
    }

    private async Task<(int Shard, IReadOnlyList<DueItem> Items, bool Truncated)> ReadShardAsync(int shard, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = await _index.GetCursorAsync(shard, cancellationToken) ?? now - _options.MaxLookback;
        var rows = await _index.FindDueAsync(shard, from, now, _options.BatchSize, cancellationToken);

        // The current minute's bucket also holds rows due later in the minute; they wait for the next run.
        return (shard, [.. rows.Where(r => r.Occurrence.DueAt <= now)], rows.Count >= _options.BatchSize);
    }


    /// <summary>
    /// Within a minute each replica works through the rows in its own order (a hash of its id and the row), so
    /// replicas racing over the same burst mostly claim different rows instead of colliding on the same ones.
    /// </summary>
    private uint OrderFor(DueItem item)
    {
        var hash = 2166136261u;
        foreach (var c in ReplicaId + "\n" + item.Key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch: {Total} due rows, {Sent} sent, {TooLate} too late, {Retry} to retry, {NotClaimed} held elsewhere")]
    private static partial void LogRun(ILogger logger, int total, int sent, int tooLate, int retry, int notClaimed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduler paused: storage is unavailable ({Reason}); it resumes on its own when storage answers")]
    private static partial void LogStorageDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler resumed: storage answers again")]
    private static partial void LogStorageBack(ILogger logger);
}
