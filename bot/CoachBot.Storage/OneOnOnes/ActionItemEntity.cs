using CoachBot.Core.OneOnOnes;

namespace CoachBot.Storage.OneOnOnes;

/// <summary>An <c>item|{number:D6}</c> row in its pairing's partition; the owner's ids are the user columns.</summary>
internal sealed class ActionItemEntity : UserTableRow
{
    public string PairingId { get; set; } = string.Empty;
    public int Number { get; set; }
    public string Text { get; set; } = string.Empty;
    public string? Due { get; set; }
    public string MeetingDate { get; set; } = string.Empty;
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>The writer's user id (same channel and tenant as the owner); null on rows written before it was kept.</summary>
    public string? AuthorId { get; set; }

    public static ActionItemEntity From(ActionItem item, string rowKey)
    {
        var row = Create<ActionItemEntity>(item.Owner, item.PairingId, rowKey);
        row.PairingId = item.PairingId;
        row.Number = item.Number;
        row.Text = item.Text;
        row.Due = item.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        row.MeetingDate = item.MeetingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        row.CreatedAt = TableDates.ToColumn(item.CreatedAt);
        row.DoneAt = item.DoneAt;
        row.AuthorId = item.Author?.UserId;
        return row;
    }

    public ActionItem ToItem() => new(
        PairingId, Number, Text, User(),
        Due is null ? null : DateOnly.ParseExact(Due, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly.ParseExact(MeetingDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TableDates.FromColumn(CreatedAt))
    {
        DoneAt = DoneAt,
        Author = AuthorId is null ? null : User() with { UserId = AuthorId },
        Version = ETag.ToString(),
    };
}
