namespace CoachBot.Core.Scheduling;

/// <summary>
/// Where a schedule stands: its next occurrence (null when it has none, e.g. nudges stopped) and a fingerprint of the
/// settings it was computed from, so a save that changes nothing relevant costs no rescheduling.
/// </summary>
public sealed record SchedulePointer(ScheduleKey Key, Occurrence? Next, string Fingerprint)
{
    /// <summary>The store's concurrency token; null for a pointer never saved.</summary>
    public string? Version { get; init; }
}
