using System.Globalization;
using CoachBot.Core.Habits;

namespace CoachBot.Storage.Habits;

/// <summary>The Practice table row of one entry. The original ids are stored too: long ones are shortened in keys.</summary>
internal sealed class PracticeEntryEntity : UserTableRow
{
    public string Id { get; set; } = string.Empty;

    public string LocalDate { get; set; } = string.Empty;

    public string ActionId { get; set; } = string.Empty;

    public string? StepId { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset? RecordedAt { get; set; }

    public static PracticeEntryEntity From(PracticeEntry entry, string partitionKey, string rowKey)
    {
        var row = Create<PracticeEntryEntity>(entry.User, partitionKey, rowKey);
        row.Id = entry.Id;
        row.LocalDate = entry.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row.ActionId = entry.ActionId;
        row.StepId = entry.StepId;
        row.Note = entry.Note;
        row.RecordedAt = TableDates.ToColumn(entry.RecordedAt);
        return row;
    }

    public PracticeEntry ToEntry() => new(
        User(),
        Id,
        DateOnly.ParseExact(LocalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        ActionId,
        StepId,
        Note,
        TableDates.FromColumn(RecordedAt));
}
