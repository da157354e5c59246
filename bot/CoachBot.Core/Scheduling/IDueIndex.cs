namespace CoachBot.Core.Scheduling;

/// <summary>
/// What is due and when, for every schedule (ARCHITECTURE.md seam 5). Two kinds of rows: a pointer per schedule
/// (found by owner) and a due row per pending occurrence (found by UTC minute bucket and shard). Moving a schedule
/// writes the next due row, the pointer and the removal of the current row together where the store can (one
/// transaction, ADR 0039), and otherwise the next row first, so a crash in between leaves an extra row (which the
/// dispatcher recognises as stale) and never a lost one.
/// </summary>
public interface IDueIndex
{
    /// <summary>How many shards each minute bucket is split into.</summary>
    int ShardCount { get; }

    /// <summary>Every schedule pointer of the owner.</summary>
    Task<IReadOnlyList<SchedulePointer>> ListAsync(string owner, CancellationToken cancellationToken);

    /// <summary>The pointer of one schedule, or null when it was never scheduled.</summary>
    Task<SchedulePointer?> GetAsync(ScheduleKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Points the schedule at <paramref name="upcoming"/>: writes next's due row, saves the pointer (inserted when
    /// <paramref name="current"/> is null, otherwise only if it still has current's version), then deletes the due row
    /// of current's occurrence.
    /// </summary>
    /// <returns>The saved pointer.</returns>
    /// <exception cref="Storage.ConcurrencyConflictException">Someone else moved (or deleted) the schedule first; the
    /// due row written for <paramref name="upcoming"/> is taken back then, unless the winner's pointer uses that row.</exception>
    Task<SchedulePointer> MoveAsync(SchedulePointer? current, ScheduleKey key, Occurrence? upcoming, string fingerprint, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the schedule on from the claimed row to <paramref name="upcoming"/> in one step: its row written, the
    /// claimed row deleted and the pointer saved together, conditional on the claimed row still having the version it
    /// was claimed (or last updated) with. Every other writer of a pointer changes or deletes its current row in the
    /// same step, so that condition also means nobody moved the schedule meanwhile.
    /// </summary>
    /// <returns>False when the claimed row changed or is gone (someone else moved, deleted or took over the
    /// schedule); nothing was changed then.</returns>
    Task<bool> CompleteAsync(DueItem claimed, Occurrence? upcoming, string fingerprint, CancellationToken cancellationToken);

    /// <summary>Deletes every pointer of the owner and their due rows (forget me, a deleted pairing).</summary>
    Task DeleteOwnerAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Due rows of one shard with a bucket from <paramref name="fromMinute"/> to <paramref name="toMinute"/> (minutes, inclusive), oldest first.</summary>
    Task<IReadOnlyList<DueItem>> FindDueAsync(int shard, DateTimeOffset fromMinute, DateTimeOffset toMinute, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the row for <paramref name="claimant"/> until <paramref name="until"/>, conditional on the version it was
    /// read with. Null when another replica changed it, holds it, or it is gone.
    /// </summary>
    Task<DueItem?> TryClaimAsync(DueItem item, string claimant, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Saves the row's claim fields if it still has its version; null when it changed or is gone.</summary>
    Task<DueItem?> TryUpdateAsync(DueItem item, CancellationToken cancellationToken);

    /// <summary>Deletes the row; a missing row is not an error.</summary>
    Task DeleteAsync(DueItem item, CancellationToken cancellationToken);

    /// <summary>The earliest minute of the shard that may still hold due rows, or null before the first walk.</summary>
    Task<DateTimeOffset?> GetCursorAsync(int shard, CancellationToken cancellationToken);

    /// <summary>Moves the shard's cursor forward to <paramref name="minute"/>; never moves it back. Races are harmless.</summary>
    Task AdvanceCursorAsync(int shard, DateTimeOffset minute, CancellationToken cancellationToken);
}
