using System.Globalization;
using CoachBot.Core.Delivery;
using CoachBot.Core.Installations;
using CoachBot.Core.Privacy;
using CoachBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoachBot.Scheduler.Jobs;

/// <summary>
/// Once a day (on <see cref="SchedulerOptions.RetentionCron"/>) deletes the user data of every workspace / tenant
/// (or person, for a Teams personal removal) uninstalled more than <see cref="UninstallOptions.UninstallGraceDays"/>
/// ago, through <see cref="UserDataService.DeleteAllAsync"/> (the `forget me` path), then clears the mark. The day's
/// ledger key is written before anything is deleted, so of several replicas one purges. A run cut off midway leaves
/// the mark, so the next day's run finishes the work (deleting is idempotent). docs/decisions/0021-uninstall-grace-period.md.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class UninstallPurgeJob : IJob
{
    public static readonly JobKey Key = new("uninstall-purge", "coachbot");

    private readonly IPendingUninstallStore _uninstalls;
    private readonly ITenantUsers _tenantUsers;
    private readonly UserDataService _userData;
    private readonly IDeliveryLedger _ledger;
    private readonly UninstallOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<UninstallPurgeJob> _logger;

    public UninstallPurgeJob(
        IPendingUninstallStore uninstalls,
        ITenantUsers tenantUsers,
        UserDataService userData,
        IDeliveryLedger ledger,
        IOptions<UninstallOptions> options,
        TimeProvider time,
        ILogger<UninstallPurgeJob> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _uninstalls = uninstalls;
        _tenantUsers = tenantUsers;
        _userData = userData;
        _ledger = ledger;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    /// <summary>One day's purge; returns how many users' data was deleted (0 when another run had today's key).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        try
        {
            if (!await _ledger.TryRecordAsync("uninstall-purge:" + day, cancellationToken))
            {
                LogAlreadyRun(_logger, day);
                return 0;
            }

            var deleted = 0;
            var due = await _uninstalls.ListDueAsync(now - _options.GracePeriod, cancellationToken);
            foreach (var uninstall in due)
            {
                if (uninstall.User is { } person)
                {
                    await _userData.DeleteAllAsync(person, cancellationToken);
                    await _uninstalls.ClearUserAsync(person, cancellationToken);
                    deleted++;
                    continue;
                }

                var users = await _tenantUsers.ListAsync(uninstall.Channel, uninstall.TenantId, cancellationToken);
                foreach (var user in users)
                {
                    await _userData.DeleteAllAsync(user, cancellationToken);
                }

                // Last: until here a failed run leaves the mark, and tomorrow's run lists whoever is left.
                await _uninstalls.ClearAsync(uninstall.Channel, uninstall.TenantId, cancellationToken);
                deleted += users.Count;
            }

            // Counts only: after the purge not even the logs should tie people or workspaces to CoachBot.
            LogDone(_logger, due.Count, deleted, _options.UninstallGraceDays);
            return deleted;
        }
        catch (StoreUnavailableException e)
        {
            LogUnavailable(_logger, e.Message);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Uninstall purge: {Uninstalls} uninstalls older than {GraceDays} days, {Users} users' data deleted")]
    private static partial void LogDone(ILogger logger, int uninstalls, int users, int graceDays);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uninstall purge of {Day} already ran (another replica or an earlier run); nothing done")]
    private static partial void LogAlreadyRun(ILogger logger, string day);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uninstall purge cut short, storage is unavailable ({Reason}); the marks stay and the next run continues")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
