using Azure;
using Azure.Data.Tables;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Storage;

namespace CoachBot.Storage.Scheduling;

/// <summary>
/// <see cref="IDueIndex"/> on three tables (ADR 0039). Due holds, per shard, one partition with every due row of the
/// shard's schedules (RowKey <c>due-{minute}-{key}</c>) and their pointers (RowKey <c>next-{key}</c>), so moving a
/// schedule on (next row, pointer, old row) is one transaction. Schedules lists each owner's schedule names (for
/// <c>forget me</c>); SchedulerCursors holds the walk's cursors. Rows written in the layout before ADR 0039 (due rows
/// in <c>{shard}-{minute}</c> partitions, pointers in Schedules) are still read, and move into this layout the first
/// time their schedule moves. Any number of replicas can share it: every write that matters is conditional.
/// </summary>
public sealed partial class AzureTablesDueIndex : IDueIndex
{
    /// <summary>Shards. Fixed: changing it would hide rows written under the old count.</summary>
    public const int Shards = 8;

    private const int MaxAttempts = 3;

    private readonly CoachBotTables _tables;
    private readonly TimeProvider _time;

    public AzureTablesDueIndex(CoachBotTables tables, TimeProvider? time = null)
    {
        _tables = tables;
        _time = time ?? TimeProvider.System;
    }

    public int ShardCount => Shards;

    public async Task<IReadOnlyList<SchedulePointer>> ListAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var names = await _tables.QueryAsync<ScheduleEntity>(
            StorageTableNames.Schedules, TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(owner)}"), null, cancellationToken);
        var pointers = await Task.WhenAll(names.Select(row => GetAsync(new ScheduleKey(row.Owner, row.Name), cancellationToken)));
        return [.. pointers.OfType<SchedulePointer>()];
    }

    public async Task<SchedulePointer?> GetAsync(ScheduleKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = await _tables.GetEntityOrDefaultAsync<ScheduleEntity>(StorageTableNames.Due, PartitionOf(key), PointerRowKey(key), cancellationToken);
        return row is not null ? ToPointer(row, row.ETag.ToString()) : await GetOldPointerAsync(key, cancellationToken);
    }

    public async Task<SchedulePointer> MoveAsync(
        SchedulePointer? current, ScheduleKey key, Occurrence? upcoming, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (current?.Version is { } version && IsOldVersion(version))
        {
            return await MoveOutOfOldLayoutAsync(current, key, upcoming, fingerprint, cancellationToken);
        }

        if (current?.Version is null)
        {
            await AddToOwnerAsync(key, cancellationToken);
        }

        var old = current?.Next;
        var actions = new List<TableTransactionAction>();
        if (upcoming is not null && upcoming != old)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, ToDueEntity(key, upcoming)));
        }

        var pointerAt = actions.Count;
        var pointer = ToPointerEntity(key, upcoming, fingerprint);
        actions.Add(current?.Version is { } etag
            ? new(TableTransactionActionType.UpdateReplace, pointer, new ETag(etag))
            : new(TableTransactionActionType.Add, pointer));
        if (old is not null && (upcoming is null || !SameRow(old, upcoming)))
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(PartitionOf(key), DueRowKey(key, old)), ETag.All));
        }

        var outcome = await _tables.SubmitAsync(StorageTableNames.Due, actions, cancellationToken);
        if (!outcome.Written && outcome.FailedAction == actions.Count - 1 && actions.Count - 1 != pointerAt)
        {
            // The old row was gone already (a replica completed or dropped it): move without it.
            actions.RemoveAt(actions.Count - 1);
            outcome = await _tables.SubmitAsync(StorageTableNames.Due, actions, cancellationToken);
        }

        if (!outcome.Written)
        {
            throw new ConcurrencyConflictException($"The schedule {key} was moved, created or deleted by someone else meanwhile (HTTP {outcome.Status}); read it again.");
        }

        return new SchedulePointer(key, upcoming, fingerprint) { Version = outcome.ETags[pointerAt].ToString() };
    }

    public async Task<bool> CompleteAsync(DueItem claimed, Occurrence? upcoming, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (claimed.InOldLayout)
        {
            return await CompleteOldRowAsync(claimed, upcoming, fingerprint, cancellationToken);
        }

        if (claimed.Version is not { } version)
        {
            throw new ArgumentException("Only a row read from the index can be completed.", nameof(claimed));
        }

        var key = claimed.Key;
        var actions = new List<TableTransactionAction>();
        if (upcoming is not null && SameRow(upcoming, claimed.Occurrence))
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, ToDueEntity(key, upcoming), new ETag(version)));
        }
        else
        {
            if (upcoming is not null)
            {
                actions.Add(new(TableTransactionActionType.UpsertReplace, ToDueEntity(key, upcoming)));
            }

            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(PartitionOf(key), DueRowKey(key, claimed.Occurrence)), new ETag(version)));
        }

        // Unconditional: whoever else changes the pointer changes or deletes the claimed row in the same transaction.
        actions.Add(new(TableTransactionActionType.UpsertReplace, ToPointerEntity(key, upcoming, fingerprint)));
        return (await _tables.SubmitAsync(StorageTableNames.Due, actions, cancellationToken)).Written;
    }

    public async Task DeleteOwnerAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var names = await _tables.QueryAsync<ScheduleEntity>(
            StorageTableNames.Schedules, TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(owner)}"), null, cancellationToken);
        foreach (var row in names)
        {
            var key = new ScheduleKey(row.Owner, row.Name);
            await DeletePointerAsync(key, cancellationToken);
            if (ToOldPointer(row) is { Next: { } oldNext })
            {
                await _tables.DeleteEntityAsync(StorageTableNames.Due, OldPartition(key, oldNext), RowKeyOf(key), cancellationToken);
            }
        }

        await _tables.DeletePartitionAsync(StorageTableNames.Schedules, TableKeys.Encode(owner), cancellationToken);
    }

    /// <summary>Deletes the schedule's pointer with its current row, in one transaction when both are there.</summary>
    private async Task DeletePointerAsync(ScheduleKey key, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var pointer = await _tables.GetEntityOrDefaultAsync<ScheduleEntity>(StorageTableNames.Due, PartitionOf(key), PointerRowKey(key), cancellationToken);
            if (pointer is null)
            {
                return;
            }

            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, pointer, pointer.ETag) };
            if (ToPointer(pointer, null).Next is { } next)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(PartitionOf(key), DueRowKey(key, next)), ETag.All));
            }

            var outcome = await _tables.SubmitAsync(StorageTableNames.Due, actions, cancellationToken);
            if (outcome.Written)
            {
                return;
            }

            if (outcome.FailedAction == 1)
            {
                // Its row was gone already; the pointer alone, still conditional (a completion may be moving it).
                actions.RemoveAt(1);
                if ((await _tables.SubmitAsync(StorageTableNames.Due, actions, cancellationToken)).Written)
                {
                    return;
                }
            }
        }

        throw new ConcurrencyConflictException($"The schedule {key} kept moving while it was being deleted; try again.");
    }

    /// <summary>Lists the schedule under its owner (for <see cref="DeleteOwnerAsync"/>). An old-layout pointer there means
    /// the schedule exists already: the caller must read it first.</summary>
    private async Task AddToOwnerAsync(ScheduleKey key, CancellationToken cancellationToken)
    {
        var entry = new ScheduleEntity { PartitionKey = TableKeys.Encode(key.Owner), RowKey = RowKeyOf(key), Owner = key.Owner, Name = key.Name };
        if (await _tables.TryAddEntityAsync(StorageTableNames.Schedules, entry, cancellationToken) is null
            && await GetOldPointerAsync(key, cancellationToken) is not null)
        {
            throw new ConcurrencyConflictException($"The schedule {key} exists already; read it again.");
        }
    }
}
