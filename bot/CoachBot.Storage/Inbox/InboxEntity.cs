namespace CoachBot.Storage.Inbox;

/// <summary>
/// One Inbox row: PartitionKey = channel, RowKey = encoded id. The payload is split over up to
/// <see cref="MaxChunks"/> string columns because one column holds at most 32K characters.
/// </summary>
internal sealed class InboxEntity : TableRow
{
    public const int ChunkLength = 32_000;

    public const int MaxChunks = 8;

    public string Id { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public int Attempts { get; set; }

    public int Chunks { get; set; }

    public string? P0 { get; set; }

    public string? P1 { get; set; }

    public string? P2 { get; set; }

    public string? P3 { get; set; }

    public string? P4 { get; set; }

    public string? P5 { get; set; }

    public string? P6 { get; set; }

    public string? P7 { get; set; }

    public void SetPayload(string payload)
    {
        var parts = Enumerable.Range(0, MaxChunks)
            .Select(i => i * ChunkLength < payload.Length ? payload.Substring(i * ChunkLength, Math.Min(ChunkLength, payload.Length - (i * ChunkLength))) : null)
            .ToArray();
        (P0, P1, P2, P3, P4, P5, P6, P7) = (parts[0] ?? string.Empty, parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7]);
        Chunks = parts.Count(p => p is not null);
    }

    public string GetPayload() => string.Concat(P0, P1, P2, P3, P4, P5, P6, P7);
}
