using CoachBot.Content.Model;
using CoachBot.Core.Habits;
using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>
/// The only way the conversation reaches 1-on-1 data. Every method takes the requesting person and returns only what
/// they may see: pairings they are part of, notes shared with them or written by them. A pairing someone is not part
/// of is reported exactly like one that does not exist, so asking reveals nothing.
/// </summary>
public sealed class OneOnOneService
{
    /// <summary>How far back "recent practice" reaches for the agenda and its themed questions.</summary>
    public const int RecentPracticeDays = 28;

    private readonly IOneOnOneStore _store;
    private readonly ITalkingPointStore _talkingPoints;
    private readonly IProgressStore _progress;

    public OneOnOneService(IOneOnOneStore store, ITalkingPointStore talkingPoints, IProgressStore progress)
    {
        _store = store;
        _talkingPoints = talkingPoints;
        _progress = progress;
    }

    /// <summary>Every pairing <paramref name="me"/> is part of, oldest first.</summary>
    public async Task<IReadOnlyList<Pairing>> ListMineAsync(UserRef me, CancellationToken cancellationToken)
    {
        var pairings = await _store.ListPairingsAsync(me, cancellationToken);

        // The store's index is trusted for finding, not for authorizing.
        return [.. pairings.Where(p => p.Includes(me))];
    }

    /// <summary>The pairing with that id if <paramref name="me"/> is part of it; otherwise null, as if it did not exist.</summary>
    public async Task<Pairing?> GetMineAsync(UserRef me, string pairingId, CancellationToken cancellationToken)
    {
        var pairing = await _store.GetPairingAsync(pairingId, cancellationToken);
        return pairing is not null && pairing.Includes(me) ? pairing : null;
    }

    /// <summary>
    /// The pairing of <paramref name="me"/> with <paramref name="other"/> (or with anyone when null) in one of the
    /// <paramref name="states"/>: null when there is none, and also when there are several and no person was named.
    /// </summary>
    public async Task<PairingLookup> FindAsync(UserRef me, UserRef? other, IReadOnlyCollection<PairingState> states, CancellationToken cancellationToken)
    {
        var matches = (await ListMineAsync(me, cancellationToken))
            .Where(p => states.Contains(p.State) && (other is null || p.Other(me) == other))
            .ToList();
        return matches.Count switch
        {
            0 => PairingLookup.None,
            1 => new PairingLookup(matches[0], 1),
            _ => other is null ? new PairingLookup(null, matches.Count) : new PairingLookup(matches[^1], matches.Count),
        };
    }

    /// <summary>Saves a pairing <paramref name="me"/> is part of.</summary>
    public Task<Pairing> SaveAsync(UserRef me, Pairing pairing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        if (!pairing.Includes(me))
        {
            throw new InvalidOperationException("A pairing is changed only by one of its people.");
        }

        return _store.SavePairingAsync(pairing, cancellationToken);
    }

    /// <summary>The notes of the pairing <paramref name="me"/> may read: shared ones and their own private ones.</summary>
    public async Task<IReadOnlyList<MeetingNote>> NotesAsync(UserRef me, Pairing pairing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        if (!pairing.Includes(me))
        {
            return [];
        }

        var notes = await _store.ListNotesAsync(pairing.Id, cancellationToken);
        return [.. notes.Where(n => n.IsVisibleTo(me))];
    }

    /// <summary>The action items of a pairing <paramref name="me"/> is part of, by number.</summary>
    public async Task<IReadOnlyList<ActionItem>> ActionItemsAsync(UserRef me, Pairing pairing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        return pairing.Includes(me) ? await _store.ListActionItemsAsync(pairing.Id, cancellationToken) : [];
    }

    /// <summary>
    /// Whether one more note fits in the pairing (<see cref="OneOnOneLimits"/>). Text length is checked once for
    /// every message and form by the engine (<see cref="CoachingOptions.MaxMessageLength"/>).
    /// </summary>
    public async Task<OneOnOneLimit> CheckNoteAsync(Pairing pairing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        return (await _store.ListNotesAsync(pairing.Id, cancellationToken)).Count >= OneOnOneLimits.MaxNotesPerPairing
            ? OneOnOneLimit.Notes
            : OneOnOneLimit.None;
    }

    /// <summary>Whether one more action item fits in the pairing (<see cref="OneOnOneLimits"/>).</summary>
    public async Task<OneOnOneLimit> CheckActionItemAsync(Pairing pairing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        var items = await _store.ListActionItemsAsync(pairing.Id, cancellationToken);
        return items.Count(i => i.IsOpen) >= OneOnOneLimits.MaxOpenActionItemsPerPairing ? OneOnOneLimit.OpenActionItems
            : items.Count >= OneOnOneLimits.MaxActionItemsPerPairing ? OneOnOneLimit.ActionItems
            : OneOnOneLimit.None;
    }

    /// <summary>
    /// Whether <paramref name="me"/> may add one more talking point for the pairing: counted are their points for it
    /// since the last meeting began, the ones the next agenda shows.
    /// </summary>
    public async Task<OneOnOneLimit> CheckTalkingPointAsync(UserRef me, Pairing pairing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        var since = MeetingSchedule.PreviousMeetingDate(pairing, now) is { } last ? MeetingSchedule.Instant(pairing, last) : DateTimeOffset.MinValue;
        var source = AgendaBuilder.SourceFor(pairing.Id);
        var waiting = (await _talkingPoints.ListAsync(me, cancellationToken)).Count(p => p.Source == source && p.CreatedAt >= since);
        return waiting >= OneOnOneLimits.MaxWaitingTalkingPointsPerPairing ? OneOnOneLimit.WaitingTalkingPoints : OneOnOneLimit.None;
    }

    /// <summary>Adds a note by <paramref name="me"/> to a pairing they are part of.</summary>
    public async Task AddNoteAsync(UserRef me, Pairing pairing, string text, NoteVisibility visibility, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        if (!pairing.Includes(me))
        {
            throw new InvalidOperationException("Notes are written only by one of the pair.");
        }

        var note = new MeetingNote(pairing.Id, Guid.NewGuid().ToString("N"), MeetingDateFor(pairing, now), me, text, visibility, now);
        await _store.AddNoteAsync(note, cancellationToken);
    }

    /// <summary>Adds an action item to a pairing <paramref name="me"/> is part of, numbered after the last one.</summary>
    public async Task<ActionItem> AddActionItemAsync(
        UserRef me, Pairing pairing, string text, UserRef owner, DateOnly? due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        if (!pairing.Includes(me) || !pairing.Includes(owner))
        {
            throw new InvalidOperationException("Action items belong to one of the pair.");
        }

        var items = await _store.ListActionItemsAsync(pairing.Id, cancellationToken);
        var item = new ActionItem(pairing.Id, items.Count == 0 ? 1 : items.Max(i => i.Number) + 1, text, owner, due, MeetingDateFor(pairing, now), now) { Author = me };

        // Two people adding at once pick the same number; the loser's turn runs again and takes the next one.
        return await _store.AddActionItemAsync(item, cancellationToken)
            ? item
            : throw new Storage.ConcurrencyConflictException($"Action item {item.Number} was taken meanwhile.");
    }

    /// <summary>Marks an open item of a pairing <paramref name="me"/> is part of as done.</summary>
    public Task<ActionItem> CompleteAsync(UserRef me, Pairing pairing, ActionItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        ArgumentNullException.ThrowIfNull(item);
        if (!pairing.Includes(me) || item.PairingId != pairing.Id)
        {
            throw new InvalidOperationException("Items are completed only by one of the pair.");
        }

        return _store.UpdateActionItemAsync(item with { DoneAt = now }, cancellationToken);
    }

    /// <summary>
    /// The meetings of a pairing <paramref name="me"/> is part of that took place, newest first: those that have
    /// started by <paramref name="now"/> and have a note <paramref name="me"/> may read or an action item, or that one
    /// of the pair confirmed from the follow-up. A scheduled date with none of these is not a meeting that happened
    /// (paused, skipped, forgotten), so history leaves it out; an item written ahead of the next meeting waits for it.
    /// The other person's private notes do not count: history must not hint that one exists.
    /// </summary>
    public async Task<IReadOnlyList<DateOnly>> HeldMeetingsAsync(UserRef me, Pairing pairing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        if (!pairing.Includes(me))
        {
            return [];
        }

        var notes = await NotesAsync(me, pairing, cancellationToken);
        var items = await _store.ListActionItemsAsync(pairing.Id, cancellationToken);
        var confirmed = await _store.ListHeldAsync(pairing.Id, cancellationToken);
        return
        [
            .. notes.Select(n => n.MeetingDate).Concat(items.Select(i => i.MeetingDate)).Concat(confirmed)
                .Distinct()
                .Where(d => MeetingSchedule.Instant(pairing, d) <= now)
                .OrderDescending(),
        ];
    }

    /// <summary>
    /// Records that the meeting of <paramref name="meetingDate"/> of a pairing <paramref name="me"/> is part of took
    /// place. False (nothing recorded) for a day that is no meeting of its schedule, a meeting that has not started yet or
    /// that predates the pairing, and for a pairing still only proposed.
    /// </summary>
    public async Task<bool> MarkHeldAsync(UserRef me, Pairing pairing, DateOnly meetingDate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        if (!pairing.Includes(me))
        {
            throw new InvalidOperationException("A meeting is confirmed only by one of the pair.");
        }

        // Only a meeting of this pairing's schedule that has started, and only once the pairing was accepted: either side
        // could otherwise fill the shared history with made-up meetings, one a day.
        var created = pairing.CreatedAt == default ? DateOnly.MinValue : DateOnly.FromDateTime(pairing.CreatedAt.UtcDateTime).AddDays(-1);
        if (pairing.State == PairingState.Proposed || MeetingSchedule.Instant(pairing, meetingDate) > now || meetingDate < created
            || MeetingSchedule.Dates(pairing).SkipWhile(d => d < meetingDate).FirstOrDefault() != meetingDate)
        {
            return false;
        }

        await _store.MarkHeldAsync(pairing.Id, meetingDate, cancellationToken);
        return true;
    }

    /// <summary>
    /// The agenda of the next meeting (or of the latest, when none is coming because the pairing is paused) of a pairing
    /// <paramref name="me"/> is part of; records newly chosen questions so they do not repeat within 8 weeks.
    /// </summary>
    public async Task<Agenda?> AgendaAsync(UserRef me, Pairing pairing, ContentCatalog content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        ArgumentNullException.ThrowIfNull(content);
        if (!pairing.Includes(me))
        {
            return null;
        }

        var meeting = MeetingSchedule.NextMeetingDate(pairing, now) ?? MeetingDateFor(pairing, now);
        var previous = MeetingSchedule.PreviousMeetingDate(pairing, MeetingSchedule.Instant(pairing, meeting).AddTicks(-1));
        var reportToday = DateOnly.FromDateTime(now.UtcDateTime);
        var input = new AgendaInput(
            pairing,
            meeting,
            previous is { } p ? MeetingSchedule.Instant(pairing, p) : null,
            await _store.ListActionItemsAsync(pairing.Id, cancellationToken),
            await _talkingPoints.ListAsync(pairing.Manager, cancellationToken),
            await _talkingPoints.ListAsync(pairing.Report, cancellationToken),
            // Not even read unless the report shares it (`1on1 share on`).
            pairing.ShareRecentPractice
                ? await _progress.ListAsync(pairing.Report, reportToday.AddDays(-RecentPracticeDays), reportToday.AddDays(1), cancellationToken)
                : [],
            await _store.ListQuestionsAsync(pairing.Id, cancellationToken),
            content.Questions)
        {
            JobMarketSteps = content.JobMarketStepIds,
        };
        var agenda = AgendaBuilder.Build(input);
        if (agenda.NewQuestions.Count > 0)
        {
            await _store.RecordQuestionsAsync(agenda.NewQuestions, cancellationToken);
        }

        return agenda;
    }

    /// <summary>The meeting a note or item written now belongs to: the latest that has started, else the next one.</summary>
    public static DateOnly MeetingDateFor(Pairing pairing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        return MeetingSchedule.PreviousMeetingDate(pairing, now) ?? pairing.FirstMeeting;
    }
}
