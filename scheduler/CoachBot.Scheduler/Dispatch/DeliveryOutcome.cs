namespace CoachBot.Scheduler.Dispatch;

/// <summary>What became of one due occurrence.</summary>
public enum DeliveryOutcome
{
    /// <summary>Sent to at least one person (or channel).</summary>
    Sent,

    /// <summary>Nothing to send: the rules said no at send time (skipped today, already practised, nobody to remind).</summary>
    Skipped,

    /// <summary>The ledger already had it: sent before, or in doubt after a replica died mid-send. Not sent again.</summary>
    AlreadyRecorded,

    /// <summary>Missed by more than its grace window; skipped and logged.</summary>
    TooLate,

    /// <summary>The schedule had moved on (settings changed); the row was dropped.</summary>
    Stale,

    /// <summary>A transient failure: released for a later retry within the grace window.</summary>
    RetryLater,

    /// <summary>The person can no longer be reached (left, blocked, uninstalled): their nudges were stopped.</summary>
    Unreachable,

    /// <summary>Another replica holds or took the row.</summary>
    NotClaimed,
}
