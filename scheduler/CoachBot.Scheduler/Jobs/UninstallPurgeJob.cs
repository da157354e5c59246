using System.Globalization;
using CoachBot.Core.Delivery;
using CoachBot.Core.Installations;
using CoachBot.Core.Privacy;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;
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
    private readonly IUploadedFileStore _files;
    private readonly IDeliveryLedger _ledger;
    private readonly UninstallOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<UninstallPurgeJob> _logger;

    public UninstallPurgeJob(
        IPendingUninstallStore uninstalls,
        ITenantUsers tenantUsers,
        UserDataService userData,
        IUploadedFileStore files,
        IDeliveryLedger ledger,
        IOptions<UninstallOptions> options,
        TimeProvider time,
        ILogger<UninstallPurgeJob> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _uninstalls = uninstalls;
        _tenantUsers = tenantUsers;
        _userData = userData;
        _files = files;
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
                try
                {
                    deleted += await PurgeAsync(uninstall, cancellationToken);
                }
                catch (Exception e) when (e is not (OperationCanceledException or StoreUnavailableException))
                {
                    // One uninstall that cannot be purged must not hold up the others, today or any later day.
                    LogPurgeFailed(_logger, uninstall.Channel, e.GetType().Name);
                }
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

    /// <summary>
    /// Purges one due uninstall and returns how many users' data was deleted. The mark is read again before each
    /// person: one cleared since the run listed it (installed again, or used) stops the purge of that tenant there.
    /// </summary>
    private async Task<int> PurgeAsync(PendingUninstall uninstall, CancellationToken cancellationToken)
    {
        if (uninstall.User is { } person)
        {
            if (!await StillDueAsync(uninstall, cancellationToken))
            {
                return 0;
            }

            await PurgeUserAsync(person, cancellationToken);
            await _uninstalls.ClearUserAsync(person, cancellationToken);
            return 1;
        }

        var users = await _tenantUsers.ListAsync(uninstall.Channel, uninstall.TenantId, cancellationToken);
        var deleted = 0;
        foreach (var user in users)
        {
            if (!await StillDueAsync(uninstall, cancellationToken))
            {
                return deleted;
            }

            await PurgeUserAsync(user, cancellationToken);
            deleted++;
        }

        // Last: until here a failed run leaves the mark, and tomorrow's run lists whoever is left.
        await _uninstalls.ClearAsync(uninstall.Channel, uninstall.TenantId, cancellationToken);
        return deleted;
    }

    /// <summary>True while the very same mark (same uninstall time) is still stored.</summary>
    private async Task<bool> StillDueAsync(PendingUninstall uninstall, CancellationToken cancellationToken)
    {
        var current = uninstall.User is { } person
            ? await _uninstalls.GetUserAsync(person, cancellationToken)
            : await _uninstalls.GetAsync(uninstall.Channel, uninstall.TenantId, cancellationToken);
        return current is not null && current.UninstalledAt == uninstall.UninstalledAt;
    }

    /// <summary>
    /// `forget me` for the user, then the ids of copies on the channel it could not delete: the uninstall revoked the
    /// token, so CoachBot can never delete those files (the workspace's admins can), and keeping their ids would keep
    /// a row naming the person for ever.
    /// </summary>
    private async Task PurgeUserAsync(UserRef user, CancellationToken cancellationToken)
    {
        var copiesLeft = await _userData.DeleteAllAsync(user, cancellationToken);
        var ids = await _files.ListAsync(user, cancellationToken);
        foreach (var id in ids)
        {
            await _files.DeleteAsync(user, id, cancellationToken);
        }

        if (copiesLeft > 0 || ids.Count > 0)
        {
            LogCopiesLeft(_logger, user.Channel, ids.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uninstall purge: {Count} files uploaded on {Channel} could not be deleted (the app's access is revoked); their ids are forgotten, the workspace's admins can delete the files")]
    private static partial void LogCopiesLeft(ILogger logger, string channel, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uninstall purge: one {Channel} uninstall could not be purged ({Error}); the others go on and it is tried again tomorrow")]
    private static partial void LogPurgeFailed(ILogger logger, string channel, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uninstall purge: {Uninstalls} uninstalls older than {GraceDays} days, {Users} users' data deleted")]
    private static partial void LogDone(ILogger logger, int uninstalls, int users, int graceDays);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uninstall purge of {Day} already ran (another replica or an earlier run); nothing done")]
    private static partial void LogAlreadyRun(ILogger logger, string day);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uninstall purge cut short, storage is unavailable ({Reason}); the marks stay and the next run continues")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
