using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>A note about one meeting of a pairing.</summary>
/// <param name="PairingId">Which pairing.</param>
/// <param name="Id">Unique within the pairing.</param>
/// <param name="MeetingDate">The meeting's date in the pairing's time zone.</param>
/// <param name="Author">Who wrote it; a private note is shown to nobody else.</param>
/// <param name="Text">The note as typed.</param>
/// <param name="Visibility">Shared with the other person or private to the author.</param>
/// <param name="CreatedAt">When it was written (UTC).</param>
public sealed record MeetingNote(
    string PairingId, string Id, DateOnly MeetingDate, UserRef Author, string Text, NoteVisibility Visibility, DateTimeOffset CreatedAt)
{
    /// <summary>True when <paramref name="viewer"/> may read the note (the caller has checked the pairing already).</summary>
    public bool IsVisibleTo(UserRef viewer) => Visibility == NoteVisibility.Shared || Author == viewer;
}
