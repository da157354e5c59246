namespace CoachBot.Slack.SocketMode;

/// <summary>Socket Mode reconnect settings (configuration section <c>Slack:SocketMode</c>). The defaults suit production.</summary>
public sealed class SlackSocketModeOptions
{
    public const string SectionName = "Slack:SocketMode";

    /// <summary>First wait before reconnecting after a dropped socket or a failed apps.connections.open.</summary>
    public TimeSpan MinReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait doubles per failure up to this cap (each wait is jittered down by up to half).</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long envelopes still being handled on a closing socket get to send their acks.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the connection may stay down before this replica's /readyz fails (check "slack_socket_mode").</summary>
    public TimeSpan MaxDisconnected { get; set; } = TimeSpan.FromMinutes(2);
}
