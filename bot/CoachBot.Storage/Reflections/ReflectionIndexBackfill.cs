using Azure;
using CoachBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Storage.Reflections;

/// <summary>
/// Gives set-ups and memberships written before the ReflectionsByUser index existed their index rows, once, in the
/// background at start-up (docs/decisions/0022-reflection-index-rows.md). Until it has finished, the reflection store
/// answers from the old scans, so nothing is missed meanwhile; storage being down only delays it.
/// </summary>
public sealed class ReflectionIndexBackfill : BackgroundService
{
    private readonly ReflectionUserIndex _index;
    private readonly TimeProvider _time;
    private readonly ILogger<ReflectionIndexBackfill> _logger;

    public ReflectionIndexBackfill(CoachBotTables tables, TimeProvider time, ILogger<ReflectionIndexBackfill> logger)
    {
        _index = new ReflectionUserIndex(tables);
        _time = time;
        _logger = logger;
    }

    /// <summary>One attempt: backfills unless the marker says it was done.</summary>
    /// <returns>How many index rows were written, or null when there was nothing to do.</returns>
    /// <exception cref="StoreUnavailableException">Storage did not answer; nothing is lost, run it again.</exception>
    public Task<int?> RunOnceAsync(CancellationToken cancellationToken) => _index.BackfillAsync(_time.GetUtcNow(), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave the host's start-up path at once: the first run scans two tables.
        await Task.Yield();
        var failures = 0;
        while (true)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) is { } written)
                {
                    _logger.LogInformation("Reflection index backfill done: {Written} index rows written; reflect and export now read ReflectionsByUser.", written);
                }

                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is StoreUnavailableException or RequestFailedException)
            {
                // StorageInitializer already says what is wrong with storage; one warning here is enough.
                if (++failures == 1)
                {
                    _logger.LogWarning("Reflection index backfill could not run yet ({Reason}); retrying every {RetrySeconds} s.", StorageFailures.Reason(e), StorageInitializer.RetryInterval.TotalSeconds);
                }
            }

            try
            {
                await Task.Delay(StorageInitializer.RetryInterval, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
