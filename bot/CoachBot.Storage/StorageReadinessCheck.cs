using Azure;
using CoachBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace CoachBot.Storage;

/// <summary>
/// Readiness of Table Storage (tag <c>ready</c>): a live, cheap call with a short timeout, so a load balancer stops
/// sending turns to a replica that cannot save them. Logs only when readiness changes, not on every probe.
/// Register as a singleton: it remembers the last state. The result says only whether storage answers: /readyz is
/// open to anyone who can reach the host, so which account it uses and why it fails go to the log, not the answer.
/// </summary>
public sealed class StorageReadinessCheck : IHealthCheck
{
    /// <summary>Longest a probe may take before storage counts as unreachable.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private const int Unknown = 0;
    private const int Ready = 1;
    private const int NotReady = 2;

    private readonly CoachBotTables _tables;
    private readonly TimeProvider _time;
    private readonly ILogger<StorageReadinessCheck> _logger;
    private int _state = Unknown;

    public StorageReadinessCheck(CoachBotTables tables, TimeProvider time, ILogger<StorageReadinessCheck> logger)
    {
        _tables = tables;
        _time = time;
        _logger = logger;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string reason;
        try
        {
            await _tables.ProbeAsync(linked.Token);
            if (Interlocked.Exchange(ref _state, Ready) == NotReady)
            {
                _logger.LogInformation("Table Storage at {Endpoint} answers again; ready.", _tables.Endpoint);
            }

            return HealthCheckResult.Healthy("Table Storage answers.");
        }
        catch (StoreUnavailableException e)
        {
            reason = StorageFailures.Reason(e.InnerException ?? e);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            reason = $"no answer within {ProbeTimeout.TotalSeconds} s";
        }
        catch (RequestFailedException e)
        {
            reason = StorageFailures.Reason(e);
        }

        if (Interlocked.Exchange(ref _state, NotReady) != NotReady)
        {
            _logger.LogWarning("Table Storage at {Endpoint} is unreachable: {Reason}. Not ready until it answers again.", _tables.Endpoint, reason);
        }

        return HealthCheckResult.Unhealthy("Table Storage is unreachable; the log says why.");
    }
}
