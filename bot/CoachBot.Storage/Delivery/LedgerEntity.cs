namespace CoachBot.Storage.Delivery;

/// <summary>One Ledger row: the key as given (the PartitionKey may be shortened) and when it was first recorded.</summary>
internal sealed class LedgerEntity : TableRow
{
    public string Key { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Who recorded it: a scheduled delivery's token, or null for keys recorded without one.</summary>
    public string? Holder { get; set; }

    /// <summary>
    /// A fresh id per insert call, so a retry of our own insert (the first try was applied but its answer was lost,
    /// and the SDK tried again) can tell its own row from someone else's.
    /// </summary>
    public string? CallId { get; set; }
}
