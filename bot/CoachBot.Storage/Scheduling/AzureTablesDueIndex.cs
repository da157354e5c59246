using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Storage;

namespace CoachBot.Storage.Scheduling;

/// <summary>
/// <see cref="IDueIndex"/> on three tables: Schedules (pointers by owner), Due (rows by minute bucket and shard) and
/// SchedulerCursors. Claims and pointer moves are ETag-conditional, so any number of replicas can share it.
/// </summary>
public sealed class AzureTablesDueIndex : IDueIndex
{
    /// <summary>Shards per minute bucket. Fixed: changing it would hide rows written under the old count.</summary>
    public const int Shards = 8;

    private const string CursorPartition = "cursor";
    private const string BucketFormat = "yyyyMMddHHmm";

    private readonly CoachBotTables _tables;

    public AzureTablesDueIndex(CoachBotTables tables) => _tables = tables;

    public int ShardCount => Shards;

    public async Task<IReadOnlyList<SchedulePointer>> ListAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var partition = TableKeys.Encode(owner);
        var rows = await _tables.QueryAsync<ScheduleEntity>(
            StorageTableNames.Schedules, TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), null, cancellationToken);
        return [.. rows.Select(ToPointer)];
    }

    public async Task<SchedulePointer?> GetAsync(ScheduleKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = await _tables.GetEntityOrDefaultAsync<ScheduleEntity>(
            StorageTableNames.Schedules, TableKeys.Encode(key.Owner), RowKeyOf(key), cancellationToken);
        return row is null ? null : ToPointer(row);
    }

    public async Task<SchedulePointer> MoveAsync(
        SchedulePointer? current, ScheduleKey key, Occurrence? upcoming, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fingerprint);
        var old = current?.Next;
        if (upcoming is not null && upcoming != old)
        {
            // The upcoming row first: a crash after this leaves two rows (the old one turns out stale), never none.
            await _tables.UpsertEntityAsync(StorageTableNames.Due, ToDueEntity(key, upcoming), cancellationToken);
        }

        var pointer = new ScheduleEntity
        {
            PartitionKey = TableKeys.Encode(key.Owner),
            RowKey = RowKeyOf(key),
            Owner = key.Owner,
            Name = key.Name,
            Fingerprint = fingerprint,
            Kind = upcoming?.Kind,
            OccurrenceId = upcoming?.Id,
            DueAt = upcoming?.DueAt,
            Deadline = upcoming?.Deadline,
        };
        ETag etag;
        try
        {
            etag = current?.Version is not { } version
                ? await _tables.TryAddEntityAsync(StorageTableNames.Schedules, pointer, cancellationToken)
                    ?? throw new ConcurrencyConflictException($"The schedule {key} was created by someone else meanwhile; read it again.")
                : await _tables.UpdateEntityAsync(StorageTableNames.Schedules, pointer, new ETag(version), cancellationToken);
        }
        catch (ConcurrencyConflictException) when (upcoming is not null && upcoming != old)
        {
            // Someone else moved or deleted the schedule (a settings change, `forget me`): the row written above is
            // then nobody's, and it names the owner, so take it back unless the winner points at the same row.
            var winner = await GetAsync(key, cancellationToken);
            if (winner?.Next is not { } theirs || DuePartition(key, theirs) != DuePartition(key, upcoming))
            {
                await _tables.DeleteEntityAsync(StorageTableNames.Due, DuePartition(key, upcoming), RowKeyOf(key), cancellationToken);
            }

            throw;
        }

        if (old is not null && (upcoming is null || DuePartition(key, old) != DuePartition(key, upcoming)))
        {
            await _tables.DeleteEntityAsync(StorageTableNames.Due, DuePartition(key, old), RowKeyOf(key), cancellationToken);
        }

        return new SchedulePointer(key, upcoming, fingerprint) { Version = etag.ToString() };
    }

    public async Task DeleteOwnerAsync(string owner, CancellationToken cancellationToken)
    {
        foreach (var pointer in await ListAsync(owner, cancellationToken))
        {
            if (pointer.Next is { } next)
            {
                await _tables.DeleteEntityAsync(StorageTableNames.Due, DuePartition(pointer.Key, next), RowKeyOf(pointer.Key), cancellationToken);
            }
        }

        await _tables.DeletePartitionAsync(StorageTableNames.Schedules, TableKeys.Encode(owner), cancellationToken);
    }

    public async Task<IReadOnlyList<DueItem>> FindDueAsync(int shard, DateTimeOffset fromMinute, DateTimeOffset toMinute, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, Shards);
        var low = Partition(shard, fromMinute);
        var high = Partition(shard, toMinute);
        // Partitions sort by minute within a shard, so the first rows the service returns are the oldest.
        var rows = await _tables.QueryFirstAsync<DueEntity>(
            StorageTableNames.Due,
            TableClient.CreateQueryFilter($"PartitionKey ge {low} and PartitionKey le {high}"),
            null,
            max,
            cancellationToken);
        return [.. rows.OrderBy(r => r.DueAt).Select(ToDueItem)];
    }

    public async Task<DueItem?> TryClaimAsync(DueItem item, string claimant, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var claimed = item.ClaimFor(claimant, until);
        if (await TryUpdateAsync(claimed, cancellationToken) is { } won)
        {
            return won;
        }

        // A 412 can be our own claim: the first try was applied, its answer lost, and the SDK's retry found the new
        // ETag. Read the row back; the claim id says whose it is.
        var row = await _tables.GetEntityOrDefaultAsync<DueEntity>(
            StorageTableNames.Due, DuePartition(item.Key, item.Occurrence), RowKeyOf(item.Key), cancellationToken);
        return row is not null && row.ClaimId == claimed.ClaimId ? ToDueItem(row) : null;
    }

    public async Task<DueItem?> TryUpdateAsync(DueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Version is not { } version)
        {
            throw new ArgumentException("Only a row read from the index can be updated.", nameof(item));
        }

        var entity = ToDueEntity(item.Key, item.Occurrence);
        entity.ClaimedBy = item.ClaimedBy;
        entity.ClaimedUntil = item.ClaimedUntil;
        entity.Attempts = item.Attempts;
        entity.DeliveryToken = item.DeliveryToken;
        entity.LastAttemptFailed = item.LastAttemptFailed;
        entity.ClaimId = item.ClaimId;
        try
        {
            var etag = await _tables.UpdateEntityAsync(StorageTableNames.Due, entity, new ETag(version), cancellationToken);
            return item with { Version = etag.ToString() };
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    public Task DeleteAsync(DueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _tables.DeleteEntityAsync(StorageTableNames.Due, DuePartition(item.Key, item.Occurrence), RowKeyOf(item.Key), cancellationToken);
    }

    public async Task<DateTimeOffset?> GetCursorAsync(int shard, CancellationToken cancellationToken)
    {
        var row = await _tables.GetEntityOrDefaultAsync<CursorEntity>(StorageTableNames.SchedulerCursors, CursorPartition, ShardId(shard), cancellationToken);
        return row?.At;
    }

    public async Task AdvanceCursorAsync(int shard, DateTimeOffset minute, CancellationToken cancellationToken)
    {
        var row = await _tables.GetEntityOrDefaultAsync<CursorEntity>(StorageTableNames.SchedulerCursors, CursorPartition, ShardId(shard), cancellationToken);
        if (row is null)
        {
            await _tables.TryAddEntityAsync(
                StorageTableNames.SchedulerCursors, new CursorEntity { PartitionKey = CursorPartition, RowKey = ShardId(shard), At = minute }, cancellationToken);
            return;
        }

        if (row.At >= minute)
        {
            return;
        }

        var etag = row.ETag;
        row.At = minute;
        try
        {
            await _tables.UpdateEntityAsync(StorageTableNames.SchedulerCursors, row, etag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another replica moved it meanwhile; its walk covered the same minutes.
        }
    }

    /// <summary>The shard of a schedule: FNV-1a of its key (stable across processes, unlike string.GetHashCode).</summary>
    public static int ShardOf(ScheduleKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(key.ToString()))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % Shards);
    }

    private static string ShardId(int shard) => shard.ToString("00", CultureInfo.InvariantCulture);

    private static string Partition(int shard, DateTimeOffset at) =>
        ShardId(shard) + "-" + at.UtcDateTime.ToString(BucketFormat, CultureInfo.InvariantCulture);

    private static string DuePartition(ScheduleKey key, Occurrence occurrence) => Partition(ShardOf(key), occurrence.DueAt);

    /// <summary>
    /// The RowKey of a schedule's pointer and of its due rows: the whole encoded key. (Not just the name in the
    /// pointer's partition: Azurite finds a row by its RowKey first, so a RowKey shared by every owner would make each
    /// point read and write there scan all owners.)
    /// </summary>
    public static string RowKeyOf(ScheduleKey key) => TableKeys.Encode(key.ToString());

    private static DueEntity ToDueEntity(ScheduleKey key, Occurrence occurrence) => new()
    {
        PartitionKey = DuePartition(key, occurrence),
        RowKey = RowKeyOf(key),
        Owner = key.Owner,
        Name = key.Name,
        Kind = occurrence.Kind,
        OccurrenceId = occurrence.Id,
        DueAt = occurrence.DueAt,
        Deadline = occurrence.Deadline,
    };

    private static DueItem ToDueItem(DueEntity row) =>
        new(new ScheduleKey(row.Owner, row.Name), new Occurrence(row.Kind, row.OccurrenceId, row.DueAt, row.Deadline))
        {
            ClaimedBy = row.ClaimedBy,
            ClaimedUntil = row.ClaimedUntil,
            Attempts = row.Attempts,
            DeliveryToken = row.DeliveryToken,
            LastAttemptFailed = row.LastAttemptFailed,
            ClaimId = row.ClaimId,
            Version = row.ETag.ToString(),
        };

    private static SchedulePointer ToPointer(ScheduleEntity row) =>
        new(
            new ScheduleKey(row.Owner, row.Name),
            row is { Kind: { } kind, OccurrenceId: { } id, DueAt: { } due, Deadline: { } deadline } ? new Occurrence(kind, id, due, deadline) : null,
            row.Fingerprint)
        {
            Version = row.ETag.ToString(),
        };
}
