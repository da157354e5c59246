namespace CoachBot.Storage.Scheduling;

/// <summary>A schedule pointer: PartitionKey = encoded owner, RowKey = encoded <c>{owner}#{name}</c> (<see cref="AzureTablesDueIndex.RowKeyOf"/>); the next occurrence, if any.</summary>
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
