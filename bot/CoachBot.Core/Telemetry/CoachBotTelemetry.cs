using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CoachBot.Core.Telemetry;

/// <summary>
/// CoachBot's own traces and metrics. Tags carry verbs, outcomes and table names, never message text, notes or
/// tokens.
/// </summary>
public static class CoachBotTelemetry
{
    public const string SourceName = "CoachBot";

    public static readonly ActivitySource Source = new(SourceName);

    public static readonly Meter Meter = new(SourceName);

    /// <summary>Commands and actions handled, tagged with verb and outcome.</summary>
    public static readonly Counter<long> Commands = Meter.CreateCounter<long>("coachbot.commands", description: "Commands and actions handled");

    /// <summary>Storage calls, tagged with table, operation and outcome.</summary>
    public static readonly Histogram<double> StorageCallDuration =
        Meter.CreateHistogram<double>("coachbot.storage.duration", unit: "ms", description: "Duration of Table Storage calls");

    /// <summary>Scheduled occurrences handled, by kind and outcome.</summary>
    public static readonly Counter<long> ScheduledDeliveries =
        Meter.CreateCounter<long>("coachbot.scheduler.deliveries", description: "Scheduled occurrences handled, by kind and outcome");

    /// <summary>How long delivering one occurrence took (building, ledger, send).</summary>
    public static readonly Histogram<double> ScheduledDeliveryDuration =
        Meter.CreateHistogram<double>("coachbot.scheduler.delivery.duration", unit: "ms", description: "Time to deliver one scheduled occurrence");
}
