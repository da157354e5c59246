namespace CoachBot.Storage.Scheduling;

/// <summary>
/// A schedule pointer (ADR 0039): in Due, PartitionKey = <c>shard-{shard:00}</c>, RowKey = <c>next-{encoded owner#name}</c>, the
/// next occurrence if any. In Schedules, PartitionKey = encoded owner, RowKey = encoded <c>{owner}#{name}</c>: the
/// schedule's entry under its owner (no fingerprint), or, written before ADR 0039, its pointer.
/// </summary>
internal sealed class ScheduleEntity : TableRow
{
    public string Owner { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Fingerprint { get; set; } = string.Empty;

    public string? Kind { get; set; }

    public string? OccurrenceId { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? Deadline { get; set; }
}
