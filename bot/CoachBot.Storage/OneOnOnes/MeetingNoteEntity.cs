using CoachBot.Core.OneOnOnes;

namespace CoachBot.Storage.OneOnOnes;

/// <summary>A <c>note|{id}</c> row in its pairing's partition; the author's ids are the user columns.</summary>
internal sealed class MeetingNoteEntity : UserTableRow
{
    public string PairingId { get; set; } = string.Empty;
    public string Id { get; set; } = string.Empty;
    public string MeetingDate { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
    public string Visibility { get; set; } = string.Empty;
    public DateTimeOffset? CreatedAt { get; set; }

    public static MeetingNoteEntity From(MeetingNote note, string rowKey)
    {
        var row = Create<MeetingNoteEntity>(note.Author, note.PairingId, rowKey);
        row.PairingId = note.PairingId;
        row.Id = note.Id;
        row.MeetingDate = note.MeetingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        row.Text = note.Text;
        row.Visibility = note.Visibility.ToString();
        row.CreatedAt = TableDates.ToColumn(note.CreatedAt);
        return row;
    }

    public MeetingNote ToNote() => new(
        PairingId, Id, DateOnly.ParseExact(MeetingDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        User(), Text, Enum.Parse<NoteVisibility>(Visibility), TableDates.FromColumn(CreatedAt));
}
