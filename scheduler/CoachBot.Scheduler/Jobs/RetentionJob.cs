using CoachBot.Core.Delivery;
using CoachBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoachBot.Scheduler.Jobs;

/// <summary>
/// Table Storage has no TTL, so once a day this deletes ledger keys older than
/// <see cref="SchedulerOptions.LedgerRetention"/> (long past any retry or late send) and inbox items older than
/// <see cref="SchedulerOptions.InboxRetention"/> (given up on). Running it on several replicas at once is harmless.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RetentionJob : IJob
{
    public static readonly JobKey Key = new("retention-clean-up", "coachbot");

    private readonly IDeliveryLedger _ledger;
    private readonly IInbox _inbox;
    private readonly SchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RetentionJob> _logger;

    public RetentionJob(IDeliveryLedger ledger, IInbox inbox, IOptions<SchedulerOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ledger = ledger;
        _inbox = inbox;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    /// <summary>One clean-up; returns how many ledger keys and inbox items were deleted.</summary>
    public async Task<(int Ledger, int Inbox)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        try
        {
            var ledger = await _ledger.PurgeAsync(now - _options.LedgerRetention, cancellationToken);
            var inbox = await _inbox.PurgeAsync(now - _options.InboxRetention, cancellationToken);
            LogDone(_logger, ledger, inbox);
            return (ledger, inbox);
        }
        catch (StoreUnavailableException e)
        {
            LogUnavailable(_logger, e.Message);
            return (0, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention clean-up: {Ledger} ledger keys and {Inbox} inbox items deleted")]
    private static partial void LogDone(ILogger logger, int ledger, int inbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention clean-up skipped, storage is unavailable ({Reason}); it runs again tomorrow")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
