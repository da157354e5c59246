using CoachBot.Scheduler.Dispatch;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CoachBot.Scheduler.Jobs;

/// <summary>The minute tick: one walk of the due index. Quartz never runs two of these at once on a replica.</summary>
/// <remarks>
/// Quartz waits for a running job when the host stops but does not cancel it, so a long walk (a slow chat API, a
/// storage outage being retried) would hold Ctrl+C or SIGTERM until it ends. The walk is therefore also cancelled when
/// the host starts stopping; rows it had not reached stay due and the next replica or start picks them up.
/// </remarks>
[DisallowConcurrentExecution]
public sealed class DispatchJob : IJob
{
    public static readonly JobKey Key = new("due-index-dispatch", "coachbot");

    private readonly DueIndexDispatcher _dispatcher;
    private readonly CancellationToken _stopping;

    public DispatchJob(DueIndexDispatcher dispatcher, IHostApplicationLifetime? lifetime = null)
    {
        _dispatcher = dispatcher;
        _stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping);
        try
        {
            await _dispatcher.RunOnceAsync(linked.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The host is stopping: what was not delivered stays due.
        }
    }
}
