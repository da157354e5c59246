namespace CoachBot.Storage.Scheduling;

/// <summary>
/// A due row: PartitionKey = <c>shard-{shard:00}</c>, RowKey = <c>due-{yyyyMMddHHmm}-{encoded owner#name}</c> (ADR 0039), next
/// to the schedule's pointer. Rows of the old layout have PartitionKey <c>{shard:00}-{yyyyMMddHHmm}</c> and the encoded
/// key as RowKey.
/// </summary>
internal sealed class DueEntity : TableRow
{
    public string Owner { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string OccurrenceId { get; set; } = string.Empty;

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset Deadline { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public int Attempts { get; set; }

    public string? DeliveryToken { get; set; }

    public bool LastAttemptFailed { get; set; }

    public string? ClaimId { get; set; }
}
