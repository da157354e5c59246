using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CoachBot.Core.Telemetry;

/// <summary>
/// CoachBot's own traces and metrics (names in <see cref="CoachBotMetricNames"/>, meanings in docs/operations.md).
/// Tags carry verbs, outcomes, kinds, platforms and status classes, never message text, notes, user ids or tokens.
/// </summary>
public static class CoachBotTelemetry
{
    public const string SourceName = "CoachBot";

    public static readonly ActivitySource Source = new(SourceName);

    public static readonly Meter Meter = new(SourceName);

    /// <summary>Commands and actions handled, tagged with verb and outcome.</summary>
    public static readonly Counter<long> Commands = Meter.CreateCounter<long>(CoachBotMetricNames.Commands, description: "Commands and actions handled");

    /// <summary>How long one command or action took, tagged with its verb only.</summary>
    public static readonly Histogram<double> CommandDuration =
        Meter.CreateHistogram<double>(CoachBotMetricNames.CommandDuration, unit: "ms", description: "Time to handle one command or action, by verb");

    /// <summary>Storage calls, tagged with table, operation and outcome.</summary>
    public static readonly Histogram<double> StorageCallDuration =
        Meter.CreateHistogram<double>(CoachBotMetricNames.StorageDuration, unit: "ms", description: "Duration of Table Storage calls");

    /// <summary>Scheduled occurrences handled, by kind, outcome and channel.</summary>
    public static readonly Counter<long> ScheduledDeliveries =
        Meter.CreateCounter<long>(CoachBotMetricNames.SchedulerDeliveries, description: "Scheduled occurrences handled, by kind, outcome and channel");

    /// <summary>How long delivering one occurrence took (building, ledger, send).</summary>
    public static readonly Histogram<double> ScheduledDeliveryDuration =
        Meter.CreateHistogram<double>(CoachBotMetricNames.SchedulerDeliveryDuration, unit: "ms", description: "Time to deliver one scheduled occurrence");

    /// <summary>Send time minus due time of each occurrence sent.</summary>
    public static readonly Histogram<double> SchedulerLag =
        Meter.CreateHistogram<double>(CoachBotMetricNames.SchedulerLag, unit: "s", description: "Send time minus due time of scheduled occurrences sent");

    /// <summary>Due rows the latest dispatch run found waiting.</summary>
    public static readonly Gauge<long> SchedulerDueRows =
        Meter.CreateGauge<long>(CoachBotMetricNames.SchedulerDueRows, unit: "{row}", description: "Due rows the latest dispatch run on this replica found waiting");

    /// <summary>Dispatch runs completed, by result (ok, storage_unavailable).</summary>
    public static readonly Counter<long> SchedulerRuns =
        Meter.CreateCounter<long>(CoachBotMetricNames.SchedulerRuns, unit: "{run}", description: "Dispatch runs completed on this replica, by result");

    /// <summary>Slack and Teams HTTP calls, by platform, operation and status class.</summary>
    public static readonly Counter<long> PlatformApiCalls =
        Meter.CreateCounter<long>(CoachBotMetricNames.PlatformApiCalls, unit: "{call}", description: "Slack and Teams HTTP calls, by platform, operation and status");

    /// <summary>Items waiting in a durable queue, as its latest sweep saw them (capped at the sweep's batch).</summary>
    public static readonly Gauge<long> InboxBacklog =
        Meter.CreateGauge<long>(CoachBotMetricNames.InboxBacklog, unit: "{item}", description: "Items waiting in a durable queue at its latest sweep");

    /// <summary>1 while Socket Mode is connected, 0 while not.</summary>
    public static readonly Gauge<int> SocketModeConnected =
        Meter.CreateGauge<int>(CoachBotMetricNames.SocketModeConnected, description: "1 while the Slack Socket Mode connection is up, else 0");

    /// <summary>Socket Mode connections that ended and were replaced.</summary>
    public static readonly Counter<long> SocketModeReconnects =
        Meter.CreateCounter<long>(CoachBotMetricNames.SocketModeReconnects, unit: "{reconnect}", description: "Slack Socket Mode connections that ended and were replaced");
}
