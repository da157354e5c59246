using Azure.Data.Tables;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Storage;

namespace CoachBot.Storage.Scheduling;

// The layout before ADR 0039: due rows in "{shard}-{minute}" partitions of Due (RowKey = the encoded key) and pointers
// in Schedules (PartitionKey = the owner). Read until the last of them has moved; never written.
public sealed partial class AzureTablesDueIndex
{
    /// <summary>Marks the version of a pointer read from the old layout, so a move knows to carry it over.</summary>
    private const string OldVersionPrefix = "old|";

    /// <summary>How long an answer to "are there rows of the old layout at all?" is trusted.</summary>
    private static readonly TimeSpan OldLayoutRecheck = TimeSpan.FromMinutes(10);

    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey"];

    private readonly Lock _oldLayoutGate = new();
    private (DateTimeOffset Until, bool Any) _oldLayout;

    /// <summary>
    /// False once a look at the whole table found no row in an old-layout partition (those begin with the two-digit
    /// shard), for <see cref="OldLayoutRecheck"/>: Azurite scans the table for every query, so the walk's second query
    /// per shard stops as soon as the old rows are gone. A row an old-release replica writes meanwhile (rolling deploy)
    /// is found by the next look, at most ten minutes later.
    /// </summary>
    private async Task<bool> MayHoldOldRowsAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_oldLayoutGate)
        {
            if (_oldLayout.Until > now)
            {
                return _oldLayout.Any;
            }
        }

        var found = await _tables.QueryFirstAsync<DueEntity>(
            StorageTableNames.Due, TableClient.CreateQueryFilter($"PartitionKey ge {"00-"} and PartitionKey lt {"99."}"), KeyColumns, 1, cancellationToken);
        lock (_oldLayoutGate)
        {
            _oldLayout = (now + OldLayoutRecheck, found.Count > 0);
        }

        return found.Count > 0;
    }

    private static bool IsOldVersion(string version) => version.StartsWith(OldVersionPrefix, StringComparison.Ordinal);

    private static string OldPartition(int shard, DateTimeOffset at) => ShardId(shard) + "-" + Bucket(at);

    private static string OldPartition(ScheduleKey key, Occurrence occurrence) => OldPartition(ShardOf(key), occurrence.DueAt);

    /// <summary>The schedule's pointer in the old layout, or null (none, or only its entry under the owner).</summary>
    private async Task<SchedulePointer?> GetOldPointerAsync(ScheduleKey key, CancellationToken cancellationToken)
    {
        var row = await _tables.GetEntityOrDefaultAsync<ScheduleEntity>(StorageTableNames.Schedules, TableKeys.Encode(key.Owner), RowKeyOf(key), cancellationToken);
        return row is null ? null : ToOldPointer(row);
    }

    /// <summary>An old-layout pointer has a fingerprint; an entry that only lists the schedule under its owner has none.</summary>
    private static SchedulePointer? ToOldPointer(ScheduleEntity row) =>
        string.IsNullOrEmpty(row.Fingerprint) ? null : ToPointer(row, OldVersionPrefix + row.ETag.ToString());

    /// <summary>
    /// Moves a schedule whose pointer is still in the old layout: its new pointer and upcoming row in one transaction
    /// (insert-only, so of two replicas doing this one wins), then its Schedules row becomes a plain entry under the
    /// owner, then its old due row goes. A crash in between leaves an old row that the dispatcher drops as stale.
    /// </summary>
    private async Task<SchedulePointer> MoveOutOfOldLayoutAsync(
        SchedulePointer current, ScheduleKey key, Occurrence? upcoming, string fingerprint, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        if (upcoming is not null)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, ToDueEntity(key, upcoming)));
        }

        var pointerAt = actions.Count;
        actions.Add(new(TableTransactionActionType.Add, ToPointerEntity(key, upcoming, fingerprint)));
        var outcome = await _tables.SubmitAsync(StorageTableNames.Due, actions, cancellationToken);
        if (!outcome.Written)
        {
            throw new ConcurrencyConflictException($"The schedule {key} was moved by someone else meanwhile (HTTP {outcome.Status}); read it again.");
        }

        await _tables.UpsertEntityAsync(
            StorageTableNames.Schedules,
            new ScheduleEntity { PartitionKey = TableKeys.Encode(key.Owner), RowKey = RowKeyOf(key), Owner = key.Owner, Name = key.Name },
            cancellationToken);
        if (current.Next is { } old)
        {
            await _tables.DeleteEntityAsync(StorageTableNames.Due, OldPartition(key, old), RowKeyOf(key), cancellationToken);
        }

        return new SchedulePointer(key, upcoming, fingerprint) { Version = outcome.ETags[pointerAt].ToString() };
    }

    /// <summary>
    /// <see cref="CompleteAsync"/> for a row of the old layout, the old way: read the pointer, drop the row when the
    /// schedule has moved on, otherwise move it (into the new layout) and delete the row.
    /// </summary>
    private async Task<bool> CompleteOldRowAsync(DueItem claimed, Occurrence? next, string fingerprint, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var pointer = await GetAsync(claimed.Key, cancellationToken);
            if (pointer?.Next != claimed.Occurrence)
            {
                if (pointer is null || pointer.Version is not { } version || !IsOldVersion(version) || pointer.Next is not { } theirs || !SameRow(theirs, claimed.Occurrence))
                {
                    await DeleteAsync(claimed, cancellationToken);
                }

                return false;
            }

            try
            {
                await MoveAsync(pointer, claimed.Key, next, fingerprint, cancellationToken);
                await DeleteAsync(claimed, cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                // Moved meanwhile; look again.
            }
        }

        return false;
    }

    /// <summary>Test and benchmark support: writes a schedule in the old layout, as a release before ADR 0039 did.</summary>
    public async Task WriteOldLayoutAsync(ScheduleKey key, Occurrence next, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(next);
        await _tables.UpsertEntityAsync(StorageTableNames.Due, ToDueEntity(key, next, oldLayout: true), cancellationToken);
        var pointer = ToPointerEntity(key, next, fingerprint);
        pointer.PartitionKey = TableKeys.Encode(key.Owner);
        pointer.RowKey = RowKeyOf(key);
        await _tables.UpsertEntityAsync(StorageTableNames.Schedules, pointer, cancellationToken);
    }
}
