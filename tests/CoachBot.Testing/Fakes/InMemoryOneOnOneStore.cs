using System.Globalization;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="IOneOnOneStore"/> in memory, with versions that change on every save like ETags.</summary>
public sealed class InMemoryOneOnOneStore : IOneOnOneStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Pairing> _pairings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), MeetingNote> _notes = [];
    private readonly Dictionary<(string, int), ActionItem> _items = [];
    private readonly Dictionary<(string, DateOnly, string), AskedQuestion> _questions = [];
    private readonly HashSet<(string, DateOnly)> _held = [];
    private long _version;

    public Task<Pairing?> GetPairingAsync(string pairingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_pairings.GetValueOrDefault(pairingId));
        }
    }

    public Task<IReadOnlyList<Pairing>> ListPairingsAsync(UserRef participant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<Pairing> result = _index.TryGetValue(participant.Key, out var ids)
                ? [.. ids.Select(id => _pairings[id]).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal)]
                : [];
            return Task.FromResult(result);
        }
    }

    public Task<Pairing> SavePairingAsync(Pairing pairing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var stored = _pairings.GetValueOrDefault(pairing.Id);
            if (pairing.Version is null ? stored is not null : stored?.Version != pairing.Version)
            {
                throw new ConcurrencyConflictException($"Pairing {pairing.Id} changed since it was read.");
            }

            var saved = pairing with { Version = NextVersion() };
            _pairings[pairing.Id] = saved;
            if (pairing.Version is null)
            {
                Index(pairing.Manager).Add(pairing.Id);
                Index(pairing.Report).Add(pairing.Id);
            }

            return Task.FromResult(saved);
        }
    }

    public Task RemoveParticipantAsync(UserRef participant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _index.Remove(participant.Key);
        }

        return Task.CompletedTask;
    }

    public Task<bool> AddNoteAsync(MeetingNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_notes.TryAdd((note.PairingId, note.Id), note));
        }
    }

    public Task<IReadOnlyList<MeetingNote>> ListNotesAsync(string pairingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<MeetingNote> result =
                [.. _notes.Values.Where(n => n.PairingId == pairingId).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id, StringComparer.Ordinal)];
            return Task.FromResult(result);
        }
    }

    public Task DeleteNoteAsync(string pairingId, string noteId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _notes.Remove((pairingId, noteId));
        }

        return Task.CompletedTask;
    }

    public Task<bool> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_items.TryAdd((item.PairingId, item.Number), item with { Version = NextVersion() }));
        }
    }

    public Task<ActionItem> UpdateActionItemAsync(ActionItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_items.TryGetValue((item.PairingId, item.Number), out var stored) || stored.Version != item.Version)
            {
                throw new ConcurrencyConflictException($"Action item {item.Number} changed since it was read.");
            }

            var saved = item with { Version = NextVersion() };
            _items[(item.PairingId, item.Number)] = saved;
            return Task.FromResult(saved);
        }
    }

    public Task<IReadOnlyList<ActionItem>> ListActionItemsAsync(string pairingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<ActionItem> result = [.. _items.Values.Where(i => i.PairingId == pairingId).OrderBy(i => i.Number)];
            return Task.FromResult(result);
        }
    }

    public Task DeleteActionItemAsync(string pairingId, int number, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _items.Remove((pairingId, number));
        }

        return Task.CompletedTask;
    }

    public Task RecordQuestionsAsync(IReadOnlyList<AskedQuestion> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var q in questions)
            {
                _questions.TryAdd((q.PairingId, q.MeetingDate, q.QuestionId), q);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AskedQuestion>> ListQuestionsAsync(string pairingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<AskedQuestion> result =
                [.. _questions.Values.Where(q => q.PairingId == pairingId).OrderBy(q => q.MeetingDate).ThenBy(q => q.Order)];
            return Task.FromResult(result);
        }
    }

    public Task MarkHeldAsync(string pairingId, DateOnly meetingDate, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _held.Add((pairingId, meetingDate));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DateOnly>> ListHeldAsync(string pairingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<DateOnly> result = [.. _held.Where(h => h.Item1 == pairingId).Select(h => h.Item2).Order()];
            return Task.FromResult(result);
        }
    }

    private HashSet<string> Index(UserRef user)
    {
        if (!_index.TryGetValue(user.Key, out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            _index[user.Key] = ids;
        }

        return ids;
    }

    private string NextVersion() => (++_version).ToString(CultureInfo.InvariantCulture);
}
