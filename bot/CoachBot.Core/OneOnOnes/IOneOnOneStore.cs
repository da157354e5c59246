using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>
/// Stores pairings and what belongs to them: notes, action items and the questions suggested per meeting. The store
/// does not authorize; <see cref="OneOnOneService"/> is the only way the conversation reaches it, and it checks that
/// the requesting person is part of the pairing.
/// </summary>
public interface IOneOnOneStore
{
    /// <summary>The pairing, or null when there is none with that id.</summary>
    Task<Pairing?> GetPairingAsync(string pairingId, CancellationToken cancellationToken);

    /// <summary>Every pairing <paramref name="participant"/> is part of (as manager or report), in any state, oldest first.</summary>
    Task<IReadOnlyList<Pairing>> ListPairingsAsync(UserRef participant, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the pairing: inserted when <see cref="Pairing.Version"/> is null, otherwise replaced only if the stored one
    /// still has that version. Both participants can find it afterwards.
    /// </summary>
    /// <returns>The pairing with its new version.</returns>
    /// <exception cref="Storage.ConcurrencyConflictException">Inserted twice, or changed since it was read.</exception>
    Task<Pairing> SavePairingAsync(Pairing pairing, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets how to find <paramref name="participant"/>'s pairings (forget me); the pairings themselves stay for the
    /// other person. Removing a participant with nothing to remove is not an error.
    /// </summary>
    Task RemoveParticipantAsync(UserRef participant, CancellationToken cancellationToken);

    /// <summary>Adds a note; false when the pairing has a note with that id already (nothing changes).</summary>
    Task<bool> AddNoteAsync(MeetingNote note, CancellationToken cancellationToken);

    /// <summary>Every note of the pairing, oldest first, whoever may read them.</summary>
    Task<IReadOnlyList<MeetingNote>> ListNotesAsync(string pairingId, CancellationToken cancellationToken);

    /// <summary>Deletes one note; a missing note is not an error.</summary>
    Task DeleteNoteAsync(string pairingId, string noteId, CancellationToken cancellationToken);

    /// <summary>Adds an action item; false when the pairing has one with that number already (nothing changes).</summary>
    Task<bool> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken);

    /// <summary>Replaces an action item only if it still has its <see cref="ActionItem.Version"/>.</summary>
    /// <returns>The item with its new version.</returns>
    /// <exception cref="Storage.ConcurrencyConflictException">Changed or deleted since it was read.</exception>
    Task<ActionItem> UpdateActionItemAsync(ActionItem item, CancellationToken cancellationToken);

    /// <summary>Every action item of the pairing, by number.</summary>
    Task<IReadOnlyList<ActionItem>> ListActionItemsAsync(string pairingId, CancellationToken cancellationToken);

    /// <summary>Deletes one action item; a missing item is not an error.</summary>
    Task DeleteActionItemAsync(string pairingId, int number, CancellationToken cancellationToken);

    /// <summary>Records suggested questions; recording the same question for the same meeting again changes nothing.</summary>
    Task RecordQuestionsAsync(IReadOnlyList<AskedQuestion> questions, CancellationToken cancellationToken);

    /// <summary>Every question suggested for the pairing, by meeting date then order.</summary>
    Task<IReadOnlyList<AskedQuestion>> ListQuestionsAsync(string pairingId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that one of the pair confirmed the meeting of <paramref name="meetingDate"/> took place (the follow-up's
    /// "We met" button); confirming it again changes nothing. The record names nobody.
    /// </summary>
    Task MarkHeldAsync(string pairingId, DateOnly meetingDate, CancellationToken cancellationToken);

    /// <summary>Every meeting date of the pairing confirmed as held, oldest first.</summary>
    Task<IReadOnlyList<DateOnly>> ListHeldAsync(string pairingId, CancellationToken cancellationToken);
}
