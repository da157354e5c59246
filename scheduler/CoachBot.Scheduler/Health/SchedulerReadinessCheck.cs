using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoachBot.Scheduler.Health;

/// <summary>
/// Readiness check "scheduler": unhealthy when this replica's dispatcher has shown no sign of life (a finished run or
/// row) for two tick intervals plus <see cref="SchedulerOptions.ReadinessGrace"/>. One missed tick is normal (a long
/// run makes Quartz skip one); two mean the loop is stuck or stopped, and the replica should be replaced.
/// </summary>
public sealed class SchedulerReadinessCheck : IHealthCheck
{
    /// <summary>The check's name in /readyz.</summary>
    public const string Name = "scheduler";

    private readonly SchedulerHeartbeat _heartbeat;
    private readonly TimeProvider _time;
    private readonly SchedulerOptions _options;

    public SchedulerReadinessCheck(SchedulerHeartbeat heartbeat, TimeProvider time, IOptions<SchedulerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _heartbeat = heartbeat;
        _time = time;
        _options = options.Value;
    }

    /// <summary>How long the dispatcher may be silent before the replica is not ready.</summary>
    public TimeSpan AllowedSilence => (2 * TickInterval(_options.TickCron, _heartbeat.Last)) + _options.ReadinessGrace;

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = _heartbeat.Last;
        var silent = _time.GetUtcNow() - last;
        var allowed = AllowedSilence;
        var data = new Dictionary<string, object>
        {
            ["lastRun"] = _heartbeat.HasRun ? last.ToString("o", CultureInfo.InvariantCulture) : "none yet",
            ["allowedSilenceSeconds"] = (long)allowed.TotalSeconds,
        };
        return Task.FromResult(silent <= allowed
            ? HealthCheckResult.Healthy("The dispatcher runs on time.", data)
            : HealthCheckResult.Unhealthy(
                $"No dispatch run has finished on this replica for {(long)silent.TotalSeconds} s (allowed {(long)allowed.TotalSeconds} s): the scheduler loop is stopped or stuck. Restart the replica; see docs/operations.md.",
                data: data));
    }

    /// <summary>The gap between the two fire times that follow <paramref name="after"/> (cron ticks are uneven only rarely).</summary>
    internal static TimeSpan TickInterval(string cron, DateTimeOffset after)
    {
        var expression = new CronExpression(cron, TimeZoneInfo.Utc);
        var first = expression.GetNextValidTimeAfter(after);
        var second = first is { } f ? expression.GetNextValidTimeAfter(f) : null;
        return first is { } a && second is { } b ? b - a : TimeSpan.FromMinutes(1);
    }
}
