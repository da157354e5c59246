using System.Diagnostics;
using System.Globalization;
using CoachBot.Scheduler.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Benchmarks.SchedulerDispatch;

/// <summary>
/// The measured dispatcher process: a fresh container on tables someone else seeded, an idle run at
/// <c>idleAt</c> (nothing due), then runs at <c>dueAt</c> + 5 s until every expected nudge reached the sink.
/// </summary>
public static class DispatchChild
{
    private const int MaxRuns = 30;

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var connection = args.Text("connection");
        var prefix = args.Text("prefix");
        var idleAt = DateTimeOffset.Parse(args.Text("idle-at"), CultureInfo.InvariantCulture);
        var dueAt = DateTimeOffset.Parse(args.Text("due-at"), CultureInfo.InvariantCulture);
        var expect = args.Number("expect", 0);
        var registered = args.Number("registered", expect);
        var fullGcSamples = args.Flag("full-gc-samples");

        var clock = new FakeTimeProvider(idleAt);
        var sink = new CountingSender();
        using var ops = new StorageOperations();
        await using var services = BenchContainer.Build(connection, prefix, clock, sink);
        var dispatcher = services.GetRequiredService<DueIndexDispatcher>();

        // Idle: the process as it sits between ticks with everyone registered and nothing due.
        ops.Restart();
        var idle = await dispatcher.RunOnceAsync(cancellationToken);
        var idleOps = ops.Total;
        var idleHeap = Memory.HeapAfterFullGc();
        var idleWorkingSet = Memory.WorkingSet();
        Console.WriteLine($"  idle run: {idle.Total} rows due, {idleOps} storage calls; heap after full GC {Memory.MiB(idleHeap)}, working set {Memory.MiB(idleWorkingSet)} ({registered:N0} registered)");

        clock.SetUtcNow(dueAt + TimeSpan.FromSeconds(5));
        var outcomes = new Dictionary<DeliveryOutcome, int>();
        var runs = 0;
        var leaseWaits = 0;
        var empty = 0;
        ops.Restart();
        TimeSpan wall;
        MemorySampler sampler;
        await using ((sampler = new MemorySampler(fullGcSamples)).ConfigureAwait(false))
        {
            var started = Stopwatch.GetTimestamp();
            while (sink.Total < expect && runs < MaxRuns)
            {
                var summary = await dispatcher.RunOnceAsync(cancellationToken);
                runs++;
                foreach (var (outcome, count) in summary.Outcomes)
                {
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + count;
                }

                // A run that storage cut short (or found nothing) returns few or no rows; give up after three empty runs.
                empty = summary.Total == 0 ? empty + 1 : 0;
                if (empty >= 3)
                {
                    break;
                }

                if (summary[DeliveryOutcome.Sent] == 0)
                {
                    // Only rows held by a claim whose answer was lost (storage timeouts): in production they are
                    // taken over when the lease ends, so move the clock past it instead of waiting two minutes.
                    clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
                    leaseWaits++;
                }
            }

            wall = Stopwatch.GetElapsedTime(started);
        }

        ops.Stop();
        var calls = ops.Snapshot();
        var delivered = sink.Total;

        // One more run after everything went out: nothing may be sent twice.
        var again = await dispatcher.RunOnceAsync(cancellationToken);
        var afterHeap = Memory.HeapAfterFullGc();
        var afterWorkingSet = Memory.WorkingSet();

        var expected = Enumerable.Range(0, expect).Select(BenchUsers.DueId).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Count(id => !sink.PerUser.ContainsKey(id));
        var duplicates = sink.PerUser.Values.Sum(n => Math.Max(0, n - 1));
        var unexpected = sink.PerUser.Keys.Count(id => !expected.Contains(id));

        Console.WriteLine($"  dispatch: {delivered:N0} nudges in {wall.TotalSeconds:F2} s over {runs} run(s) = {delivered / wall.TotalSeconds:N0} nudges/s"
            + (leaseWaits > 0 ? $"; the fake clock skipped {leaseWaits} claim lease(s) of 2 min for rows whose claim answer was lost" : string.Empty)
            + (fullGcSamples ? $" (with {sampler.FullGcSamples} forced full GCs for the heap samples)" : string.Empty));
        Console.WriteLine($"  outcomes: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value:N0}"))}; run after: {again.Total} rows, {sink.Total - delivered} more sent");
        Console.WriteLine($"  sink check: {missing} missing, {duplicates} duplicates, {unexpected} unexpected");
        Console.WriteLine($"  memory during dispatch: peak working set {Memory.MiB(sampler.PeakWorkingSet)}, peak heap (no forced GC) {Memory.MiB(sampler.PeakHeap)}"
            + (fullGcSamples ? $", peak heap after full GC {Memory.MiB(sampler.PeakHeapAfterFullGc)}" : string.Empty));
        Console.WriteLine($"  memory after dispatch: heap after full GC {Memory.MiB(afterHeap)}, working set {Memory.MiB(afterWorkingSet)}");
        var total = calls.Values.Sum();
        Console.WriteLine($"  storage calls: {total:N0} = {(double)total / Math.Max(1, delivered):F2} per delivered nudge");
        foreach (var (key, count) in calls.OrderByDescending(c => c.Value))
        {
            var (mean, max) = ops.Duration(key);
            Console.WriteLine($"    {key,-34} {count,8:N0}  {(double)count / Math.Max(1, delivered),6:F3}/nudge  mean {mean,7:F1} ms  max {max,7:F0} ms");
        }

        return missing == 0 && duplicates == 0 && unexpected == 0 && sink.Total == delivered ? 0 : 1;
    }
}
