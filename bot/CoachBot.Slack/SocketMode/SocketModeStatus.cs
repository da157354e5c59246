using CoachBot.Core.Telemetry;

namespace CoachBot.Slack.SocketMode;

/// <summary>
/// Whether this replica's Socket Mode connection is up, and since when it is down; feeds the
/// <see cref="CoachBotMetricNames.SocketModeConnected"/> gauge and the readiness check. Down from the start until
/// Slack's hello arrives.
/// </summary>
public sealed class SocketModeStatus
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private DateTimeOffset? _downSince;

    public SocketModeStatus(TimeProvider time)
    {
        _time = time;
        _downSince = time.GetUtcNow();
    }

    /// <summary>When the connection went down (or the client started), or null while it is up.</summary>
    public DateTimeOffset? DownSince
    {
        get
        {
            lock (_gate)
            {
                return _downSince;
            }
        }
    }

    /// <summary>Slack said hello on a connection.</summary>
    public void Connected()
    {
        lock (_gate)
        {
            _downSince = null;
        }

        CoachBotTelemetry.SocketModeConnected.Record(1);
    }

    /// <summary>A connection ended; <paramref name="replaced"/> when a new one is already open (Slack asked to reconnect).</summary>
    public void Ended(bool replaced)
    {
        CoachBotTelemetry.SocketModeReconnects.Add(1);
        if (replaced)
        {
            return;
        }

        lock (_gate)
        {
            _downSince ??= _time.GetUtcNow();
        }

        CoachBotTelemetry.SocketModeConnected.Record(0);
    }
}
