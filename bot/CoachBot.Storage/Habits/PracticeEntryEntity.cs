using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CoachBot.Core.Habits;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Habits;

/// <summary>The Practice table row of one entry. The original ids are stored too: long ones are shortened in keys.</summary>
internal sealed class PracticeEntryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Channel { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;

    public string LocalDate { get; set; } = string.Empty;

    public string ActionId { get; set; } = string.Empty;

    public string? StepId { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset? RecordedAt { get; set; }

    public static PracticeEntryEntity From(PracticeEntry entry, string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        Channel = entry.User.Channel,
        TenantId = entry.User.TenantId,
        UserId = entry.User.UserId,
        Id = entry.Id,
        LocalDate = entry.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ActionId = entry.ActionId,
        StepId = entry.StepId,
        Note = entry.Note,
        RecordedAt = TableDates.ToColumn(entry.RecordedAt),
    };

    public PracticeEntry ToEntry() => new(
        new UserRef(Channel, TenantId, UserId),
        Id,
        DateOnly.ParseExact(LocalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        ActionId,
        StepId,
        Note,
        TableDates.FromColumn(RecordedAt));
}
