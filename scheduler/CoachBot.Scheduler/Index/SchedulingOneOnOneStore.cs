using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Index;

/// <summary>The 1-on-1 store with rescheduling: every saved pairing (setup, accept, pause, reschedule, end, forget)
/// points both people's prep and follow-up prompts at the next meeting at once. Everything else passes through.</summary>
public sealed class SchedulingOneOnOneStore : IOneOnOneStore
{
    private readonly IOneOnOneStore _inner;
    private readonly ScheduleReconciler _reconciler;

    public SchedulingOneOnOneStore(IOneOnOneStore inner, ScheduleReconciler reconciler)
    {
        _inner = inner;
        _reconciler = reconciler;
    }

    public Task<Pairing?> GetPairingAsync(string pairingId, CancellationToken cancellationToken) => _inner.GetPairingAsync(pairingId, cancellationToken);

    public Task<IReadOnlyList<Pairing>> ListPairingsAsync(UserRef participant, CancellationToken cancellationToken) => _inner.ListPairingsAsync(participant, cancellationToken);

    public async Task<Pairing> SavePairingAsync(Pairing pairing, CancellationToken cancellationToken)
    {
        var saved = await _inner.SavePairingAsync(pairing, cancellationToken);
        await _reconciler.ReconcilePairingAsync(saved, cancellationToken);
        return saved;
    }

    public Task RemoveParticipantAsync(UserRef participant, CancellationToken cancellationToken) => _inner.RemoveParticipantAsync(participant, cancellationToken);

    public Task<bool> AddNoteAsync(MeetingNote note, CancellationToken cancellationToken) => _inner.AddNoteAsync(note, cancellationToken);

    public Task<IReadOnlyList<MeetingNote>> ListNotesAsync(string pairingId, CancellationToken cancellationToken) => _inner.ListNotesAsync(pairingId, cancellationToken);

    public Task DeleteNoteAsync(string pairingId, string noteId, CancellationToken cancellationToken) => _inner.DeleteNoteAsync(pairingId, noteId, cancellationToken);

    public Task<bool> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken) => _inner.AddActionItemAsync(item, cancellationToken);

    public Task<ActionItem> UpdateActionItemAsync(ActionItem item, CancellationToken cancellationToken) => _inner.UpdateActionItemAsync(item, cancellationToken);

    public Task<IReadOnlyList<ActionItem>> ListActionItemsAsync(string pairingId, CancellationToken cancellationToken) => _inner.ListActionItemsAsync(pairingId, cancellationToken);

    public Task DeleteActionItemAsync(string pairingId, int number, CancellationToken cancellationToken) => _inner.DeleteActionItemAsync(pairingId, number, cancellationToken);

    public Task RecordQuestionsAsync(IReadOnlyList<AskedQuestion> questions, CancellationToken cancellationToken) => _inner.RecordQuestionsAsync(questions, cancellationToken);

    public Task<IReadOnlyList<AskedQuestion>> ListQuestionsAsync(string pairingId, CancellationToken cancellationToken) => _inner.ListQuestionsAsync(pairingId, cancellationToken);

    public Task MarkHeldAsync(string pairingId, DateOnly meetingDate, CancellationToken cancellationToken) => _inner.MarkHeldAsync(pairingId, meetingDate, cancellationToken);

    public Task<IReadOnlyList<DateOnly>> ListHeldAsync(string pairingId, CancellationToken cancellationToken) => _inner.ListHeldAsync(pairingId, cancellationToken);
}
