using Azure;
using Azure.Data.Tables;

namespace CoachBot.Storage;

/// <summary>The four system properties every Table Storage row has; entity classes add their own columns.</summary>
internal abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
