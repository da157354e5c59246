using CoachBot.Scheduler.Dispatch;
using Quartz;

namespace CoachBot.Scheduler.Jobs;

/// <summary>The minute tick: one walk of the due index. Quartz never runs two of these at once on a replica.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchJob : IJob
{
    public static readonly JobKey Key = new("due-index-dispatch", "coachbot");

    private readonly DueIndexDispatcher _dispatcher;

    public DispatchJob(DueIndexDispatcher dispatcher) => _dispatcher = dispatcher;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await _dispatcher.RunOnceAsync(cancellationToken);
}
