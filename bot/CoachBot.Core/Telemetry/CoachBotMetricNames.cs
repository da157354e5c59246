namespace CoachBot.Core.Telemetry;

/// <summary>
/// Every metric CoachBot defines, in one place (docs/operations.md explains each; a test checks it names them all).
/// Tag values are bounded: verbs, outcomes, kinds, platforms and status classes, never user ids or text.
/// </summary>
public static class CoachBotMetricNames
{
    /// <summary>Commands and actions handled (tags: verb, outcome, channel).</summary>
    public const string Commands = "coachbot.commands";

    /// <summary>Time to handle one command or action, in ms (tag: verb).</summary>
    public const string CommandDuration = "coachbot.command.duration";

    /// <summary>Table Storage call duration, in ms.</summary>
    public const string StorageDuration = "coachbot.storage.duration";

    /// <summary>Scheduled occurrences handled (tags: kind, outcome, channel).</summary>
    public const string SchedulerDeliveries = "coachbot.scheduler.deliveries";

    /// <summary>Time to deliver one scheduled occurrence, in ms.</summary>
    public const string SchedulerDeliveryDuration = "coachbot.scheduler.delivery.duration";

    /// <summary>Send time minus due time of each sent occurrence, in seconds (tags: kind, channel).</summary>
    public const string SchedulerLag = "coachbot.scheduler.lag";

    /// <summary>Due rows a dispatch run found waiting when it started.</summary>
    public const string SchedulerDueRows = "coachbot.scheduler.due_rows";

    /// <summary>Dispatch runs completed on this replica (tag: result).</summary>
    public const string SchedulerRuns = "coachbot.scheduler.runs";

    /// <summary>Slack and Teams HTTP calls (tags: platform, operation, status).</summary>
    public const string PlatformApiCalls = "coachbot.platform.api.calls";

    /// <summary>Items waiting in a durable queue, as its last sweep saw them (tag: queue).</summary>
    public const string InboxBacklog = "coachbot.inbox.backlog";

    /// <summary>1 while the Slack Socket Mode connection is up, 0 while it is down.</summary>
    public const string SocketModeConnected = "coachbot.slack.socket_mode.connected";

    /// <summary>Slack Socket Mode connections that ended and were replaced.</summary>
    public const string SocketModeReconnects = "coachbot.slack.socket_mode.reconnects";

    /// <summary>Every name above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Commands, CommandDuration, StorageDuration, SchedulerDeliveries, SchedulerDeliveryDuration, SchedulerLag,
        SchedulerDueRows, SchedulerRuns, PlatformApiCalls, InboxBacklog, SocketModeConnected, SocketModeReconnects,
    ];
}
