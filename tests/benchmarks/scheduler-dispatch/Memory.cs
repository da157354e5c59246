using System.Diagnostics;

namespace CoachBot.Benchmarks.SchedulerDispatch;

/// <summary>The process's managed heap and working set.</summary>
public static class Memory
{
    /// <summary>Managed heap after a full, blocking collection, in bytes.</summary>
    public static long HeapAfterFullGc()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static long WorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    public static string MiB(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MiB";
}

/// <summary>
/// Samples the working set (every 200 ms) and, when asked, the heap after a forced full GC (every second) while a
/// dispatch runs. The forced collections slow the run a little; the timed run does not use them.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly bool _fullGc;

    public MemorySampler(bool fullGc)
    {
        _fullGc = fullGc;
        _loop = Task.Run(LoopAsync);
    }

    public long PeakWorkingSet { get; private set; }

    public long PeakHeap { get; private set; }

    public long PeakHeapAfterFullGc { get; private set; }

    public int FullGcSamples { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        var tick = 0;
        while (!_stop.IsCancellationRequested)
        {
            PeakWorkingSet = Math.Max(PeakWorkingSet, Memory.WorkingSet());
            PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(forceFullCollection: false));
            if (_fullGc && ++tick % 5 == 0)
            {
                PeakHeapAfterFullGc = Math.Max(PeakHeapAfterFullGc, GC.GetTotalMemory(forceFullCollection: true));
                FullGcSamples++;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
