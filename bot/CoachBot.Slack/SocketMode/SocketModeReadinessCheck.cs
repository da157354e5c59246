using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.SocketMode;

/// <summary>
/// Readiness check "slack_socket_mode" (only when Socket Mode is configured): unhealthy once the connection has been
/// down longer than <see cref="SlackSocketModeOptions.MaxDisconnected"/>, so a replica that cannot hear Slack is
/// replaced instead of silently missing every event.
/// </summary>
public sealed class SocketModeReadinessCheck : IHealthCheck
{
    /// <summary>The check's name in /readyz.</summary>
    public const string Name = "slack_socket_mode";

    private readonly SocketModeStatus _status;
    private readonly TimeProvider _time;
    private readonly SlackSocketModeOptions _options;

    public SocketModeReadinessCheck(SocketModeStatus status, TimeProvider time, IOptions<SlackSocketModeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _status = status;
        _time = time;
        _options = options.Value;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_status.DownSince is not { } since)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Connected to Slack."));
        }

        var down = _time.GetUtcNow() - since;
        return Task.FromResult(down <= _options.MaxDisconnected
            ? HealthCheckResult.Degraded($"Not connected to Slack for {(long)down.TotalSeconds} s; reconnecting.")
            : HealthCheckResult.Unhealthy(
                $"Not connected to Slack for {(long)down.TotalSeconds} s (Slack:SocketMode:MaxDisconnected is {(long)_options.MaxDisconnected.TotalSeconds} s). Check Slack:AppToken and Slack's status; see docs/operations.md."));
    }
}
