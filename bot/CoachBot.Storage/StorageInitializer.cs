using Azure;
using CoachBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Storage;

/// <summary>
/// Creates the tables in the background at start-up. Storage being down must not stop the host from starting (the
/// playground and health endpoints should still answer), so it retries every <see cref="RetryInterval"/> and says
/// once, clearly, what is wrong; readiness (<see cref="StorageReadinessCheck"/>) reports the state meanwhile.
/// </summary>
public sealed class StorageInitializer : BackgroundService
{
    /// <summary>Pause between attempts while storage is unreachable.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private readonly CoachBotTables _tables;
    private readonly TimeProvider _time;
    private readonly ILogger<StorageInitializer> _logger;

    public StorageInitializer(CoachBotTables tables, TimeProvider time, ILogger<StorageInitializer> logger)
    {
        _tables = tables;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave the host's start-up path at once, whatever the first call costs.
        await Task.Yield();
        var failures = 0;
        while (true)
        {
            try
            {
                await _tables.EnsureCreatedAsync(stoppingToken);
                _logger.LogInformation(
                    "Table Storage at {Endpoint} is ready: tables {Tables} exist.",
                    _tables.Endpoint,
                    string.Join(", ", StorageTableNames.All.Select(_tables.GetTableName)));
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is StoreUnavailableException or RequestFailedException)
            {
                failures++;
                LogFailure(e, failures);
            }

            try
            {
                await Task.Delay(RetryInterval, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void LogFailure(Exception e, int failures)
    {
        var seconds = RetryInterval.TotalSeconds;
        if (e is StoreUnavailableException unavailable)
        {
            var reason = StorageFailures.Reason(unavailable.InnerException ?? unavailable);
            if (failures == 1)
            {
                _logger.LogWarning(
                    "Table Storage at {Endpoint} is unreachable: {Reason}. Retrying every {RetrySeconds} s; /readyz answers 503 until it is back.",
                    _tables.Endpoint,
                    reason,
                    seconds);
            }
            else
            {
                _logger.LogDebug("Table Storage at {Endpoint} is still unreachable (attempt {Attempt}): {Reason}.", _tables.Endpoint, failures, reason);
            }

            return;
        }

        // Storage answered but refused (e.g. 403 with a wrong key): a configuration problem, worth an error once.
        var refusal = StorageFailures.Reason(e);
        if (failures == 1)
        {
            _logger.LogError(
                "Table Storage at {Endpoint} refused to create the tables: {Reason}. Check Storage:ConnectionString (or Storage:ServiceUri and the identity's Storage Table Data Contributor role) and Storage:TablePrefix. Retrying every {RetrySeconds} s.",
                _tables.Endpoint,
                refusal,
                seconds);
        }
        else
        {
            _logger.LogDebug("Table Storage at {Endpoint} still refuses (attempt {Attempt}): {Reason}.", _tables.Endpoint, failures, refusal);
        }
    }
}
