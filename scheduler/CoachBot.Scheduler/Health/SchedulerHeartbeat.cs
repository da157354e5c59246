using Microsoft.Extensions.Hosting;

namespace CoachBot.Scheduler.Health;

/// <summary>
/// When this replica's dispatcher last showed it is alive: a finished run, or a row finished during a long run. Starts
/// counting when the host starts, so a scheduler that never runs at all is noticed too.
/// </summary>
public sealed class SchedulerHeartbeat : IHostedService
{
    private readonly TimeProvider _time;
    private long _lastTicks;

    public SchedulerHeartbeat(TimeProvider time)
    {
        _time = time;
        _lastTicks = time.GetUtcNow().UtcTicks;
    }

    /// <summary>When the dispatcher last finished a run or a row, or when the host started if it has not yet.</summary>
    public DateTimeOffset Last => new(Interlocked.Read(ref _lastTicks), TimeSpan.Zero);

    /// <summary>True once a run has finished on this replica.</summary>
    public bool HasRun { get; private set; }

    /// <summary>Notes a finished run.</summary>
    public void RunFinished()
    {
        HasRun = true;
        Beat();
    }

    /// <summary>Notes progress inside a run (a row finished), so a long run is not taken for a stuck one.</summary>
    public void Beat() => Interlocked.Exchange(ref _lastTicks, _time.GetUtcNow().UtcTicks);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The clock starts with the host, not with the first /readyz that happened to resolve this.
        Beat();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
