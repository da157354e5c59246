namespace CoachBot.Storage.Scheduling;

/// <summary>A shard's cursor: PartitionKey = <c>cursor</c>, RowKey = the shard; the earliest minute that may hold rows.</summary>
internal sealed class CursorEntity : TableRow
{
    public DateTimeOffset At { get; set; }
}
