using Azure;
using Azure.Data.Tables;

namespace CoachBot.Storage.Delivery;

/// <summary>One Ledger row: the key as given (the PartitionKey may be shortened) and when it was first recorded.</summary>
internal sealed class LedgerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Key { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }
}
