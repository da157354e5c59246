using System.Globalization;
using System.Text;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Storage;

namespace CoachBot.Testing.Fakes;

/// <summary>
/// <see cref="IDueIndex"/> in memory with the semantics of the Azure Tables index: pointers by owner with versions
/// (counters standing in for ETags), moves conditional on the pointer's version that write the upcoming due row
/// first and remove the old one last, due rows keyed by (shard, UTC minute bucket, schedule key) whose claim fields
/// are replaced by a move into the same bucket, claims, updates and completions (ADR 0039) conditional on the row's
/// version, and cursors that only move forward. Due rows are kept sorted per shard, so a range read costs O(log n + rows read).
/// </summary>
public sealed class InMemoryDueIndex : IDueIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, SchedulePointer>> _pointers = new(StringComparer.Ordinal);
    private readonly Dictionary<RowId, DueItem> _rows = [];
    private readonly SortedSet<SortKey>[] _byShard;
    private readonly Dictionary<int, DateTimeOffset> _cursors = [];
    private long _lastVersion;

    /// <param name="shardCount">Shards per minute bucket (the Azure index has 8).</param>
    public InMemoryDueIndex(int shardCount = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ShardCount = shardCount;
        _byShard = [.. Enumerable.Range(0, shardCount).Select(_ => new SortedSet<SortKey>(SortKeyOrder.Instance))];
    }

    public int ShardCount { get; }

    /// <summary>How many due rows there are, for assertions.</summary>
    public int DueRowCount
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    /// <summary>Every due row, oldest first, for assertions.</summary>
    public IReadOnlyList<DueItem> DueRows
    {
        get
        {
            lock (_gate)
            {
                return [.. _byShard.SelectMany((rows, shard) => rows.Select(r => (shard, r))).OrderBy(x => x.r.DueTicks).Select(x => _rows[x.r.Row(x.shard)])];
            }
        }
    }

    /// <summary>The shard of a schedule: FNV-1a of its key, like the Azure index.</summary>
    public int ShardOf(ScheduleKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(key.ToString()))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)ShardCount);
    }

    public Task<IReadOnlyList<SchedulePointer>> ListAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<SchedulePointer> list = _pointers.TryGetValue(owner, out var byName) ? [.. byName.Values] : [];
            return Task.FromResult(list);
        }
    }

    public Task<SchedulePointer?> GetAsync(ScheduleKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_pointers.TryGetValue(key.Owner, out var byName) ? byName.GetValueOrDefault(key.Name) : null);
        }
    }

    public Task<SchedulePointer> MoveAsync(SchedulePointer? current, ScheduleKey key, Occurrence? upcoming, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fingerprint);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var old = current?.Next;
            if (upcoming is not null && upcoming != old)
            {
                // The upcoming row first, as in storage; a conflict below takes it back (see TakeBack).
                Put(new DueItem(key, upcoming));
            }

            var byName = _pointers.TryGetValue(key.Owner, out var existing) ? existing : _pointers[key.Owner] = new(StringComparer.Ordinal);
            var stored = byName.GetValueOrDefault(key.Name);
            if (current?.Version is not { } version)
            {
                if (stored is not null)
                {
                    TakeBack(key, upcoming, old, stored);
                    throw new ConcurrencyConflictException($"The schedule {key} was created by someone else meanwhile; read it again.");
                }
            }
            else if (stored?.Version != version)
            {
                TakeBack(key, upcoming, old, stored);
                throw new ConcurrencyConflictException($"The schedule {key} changed since it was read (412).");
            }

            var saved = new SchedulePointer(key, upcoming, fingerprint) { Version = NextVersion() };
            byName[key.Name] = saved;
            if (old is not null && (upcoming is null || Bucket(old) != Bucket(upcoming)))
            {
                Remove(Id(key, old));
            }

            return Task.FromResult(saved);
        }
    }

    public Task<bool> CompleteAsync(DueItem claimed, Occurrence? upcoming, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        ArgumentNullException.ThrowIfNull(fingerprint);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // One transaction, as in storage: conditional on the claimed row's version, the pointer written whatever it was.
            var id = Id(claimed.Key, claimed.Occurrence);
            if (!_rows.TryGetValue(id, out var stored) || stored.Version != claimed.Version)
            {
                return Task.FromResult(false);
            }

            Remove(id);
            if (upcoming is not null)
            {
                Put(new DueItem(claimed.Key, upcoming));
            }

            var byName = _pointers.TryGetValue(claimed.Key.Owner, out var existing) ? existing : _pointers[claimed.Key.Owner] = new(StringComparer.Ordinal);
            byName[claimed.Key.Name] = new SchedulePointer(claimed.Key, upcoming, fingerprint) { Version = NextVersion() };
            return Task.FromResult(true);
        }
    }

    /// <summary>A move that lost its condition removes the row it wrote, unless the winner's pointer uses the same row.</summary>
    private void TakeBack(ScheduleKey key, Occurrence? upcoming, Occurrence? old, SchedulePointer? winner)
    {
        if (upcoming is not null && upcoming != old && (winner?.Next is not { } theirs || Bucket(theirs) != Bucket(upcoming)))
        {
            Remove(Id(key, upcoming));
        }
    }

    /// <summary>Writes a due row alone: what a replica that died between the next row and its pointer leaves behind.</summary>
    public void LeaveRow(DueItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            Put(item);
        }
    }

    public Task DeleteOwnerAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_pointers.Remove(owner, out var byName))
            {
                foreach (var pointer in byName.Values)
                {
                    if (pointer.Next is { } next)
                    {
                        Remove(Id(pointer.Key, next));
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DueItem>> FindDueAsync(int shard, DateTimeOffset fromMinute, DateTimeOffset toMinute, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, ShardCount);
        cancellationToken.ThrowIfCancellationRequested();
        var low = Bucket(fromMinute) * TimeSpan.TicksPerMinute;
        var high = ((Bucket(toMinute) + 1) * TimeSpan.TicksPerMinute) - 1;
        lock (_gate)
        {
            if (low > high || max <= 0)
            {
                return Task.FromResult<IReadOnlyList<DueItem>>([]);
            }

            var view = _byShard[shard].GetViewBetween(new SortKey(low, string.Empty, string.Empty), new SortKey(high, "\uffff", "\uffff"));
            IReadOnlyList<DueItem> found = [.. view.Take(max).Select(r => _rows[r.Row(shard)])];
            return Task.FromResult(found);
        }
    }

    public Task<DueItem?> TryClaimAsync(DueItem item, string claimant, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var claimed = item.ClaimFor(claimant, until);
        return TryUpdateAsync(claimed, cancellationToken);
    }

    public Task<DueItem?> TryUpdateAsync(DueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Version is not { } version)
        {
            throw new ArgumentException("Only a row read from the index can be updated.", nameof(item));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var id = Id(item.Key, item.Occurrence);
            if (!_rows.TryGetValue(id, out var stored) || stored.Version != version)
            {
                return Task.FromResult<DueItem?>(null);
            }

            // A replace, as in storage: the row becomes what the caller wrote, occurrence included.
            Remove(id);
            return Task.FromResult<DueItem?>(Put(item));
        }
    }

    public Task DeleteAsync(DueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Remove(Id(item.Key, item.Occurrence));
        }

        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> GetCursorAsync(int shard, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<DateTimeOffset?>(_cursors.TryGetValue(shard, out var at) ? at : null);
        }
    }

    public Task AdvanceCursorAsync(int shard, DateTimeOffset minute, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_cursors.TryGetValue(shard, out var at) || at < minute)
            {
                _cursors[shard] = minute;
            }
        }

        return Task.CompletedTask;
    }

    private static long Bucket(Occurrence occurrence) => Bucket(occurrence.DueAt);

    private static long Bucket(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMinute;

    private RowId Id(ScheduleKey key, Occurrence occurrence) =>
        new(ShardOf(key), Bucket(occurrence), key.Owner, key.Name);

    /// <summary>Writes (replaces) the row with a fresh version; the caller holds the lock.</summary>
    private DueItem Put(DueItem item)
    {
        var id = Id(item.Key, item.Occurrence);
        Remove(id);
        var saved = item with { Version = NextVersion() };
        _rows[id] = saved;
        _byShard[id.Shard].Add(new SortKey(saved.Occurrence.DueAt.UtcTicks, id.Owner, id.Name));
        return saved;
    }

    /// <summary>Removes the row if it exists; the caller holds the lock.</summary>
    private void Remove(RowId id)
    {
        if (_rows.Remove(id, out var removed))
        {
            _byShard[id.Shard].Remove(new SortKey(removed.Occurrence.DueAt.UtcTicks, id.Owner, id.Name));
        }
    }

    private string NextVersion() => (++_lastVersion).ToString(CultureInfo.InvariantCulture);

    /// <summary>A due row's identity, as in storage: shard, UTC minute bucket and schedule key.</summary>
    private readonly record struct RowId(int Shard, long Minute, string Owner, string Name);

    /// <summary>A due row's place in its shard's sorted set: the exact due instant first, so rows come out oldest first.</summary>
    private readonly record struct SortKey(long DueTicks, string Owner, string Name)
    {
        public RowId Row(int shard) => new(shard, DueTicks / TimeSpan.TicksPerMinute, Owner, Name);
    }

    /// <summary>Orders a shard's rows by due instant, then by schedule key.</summary>
    private sealed class SortKeyOrder : IComparer<SortKey>
    {
        public static readonly SortKeyOrder Instance = new();

        public int Compare(SortKey x, SortKey y)
        {
            var byTime = x.DueTicks.CompareTo(y.DueTicks);
            if (byTime != 0)
            {
                return byTime;
            }

            var byOwner = string.CompareOrdinal(x.Owner, y.Owner);
            return byOwner != 0 ? byOwner : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}
