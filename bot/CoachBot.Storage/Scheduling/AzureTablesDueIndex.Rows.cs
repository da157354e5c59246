using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Storage;

namespace CoachBot.Storage.Scheduling;

// Due rows (finding, claiming, updating, deleting), cursors, and the keys of both layouts.
public sealed partial class AzureTablesDueIndex
{
    private const string CursorPartition = "cursor";
    private const string BucketFormat = "yyyyMMddHHmm";
    private const string DuePrefix = "due-";
    private const string PointerPrefix = "next-";

    public async Task<IReadOnlyList<DueItem>> FindDueAsync(int shard, DateTimeOffset fromMinute, DateTimeOffset toMinute, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, Shards);
        var partition = ShardPartition(shard);
        var low = DuePrefix + Bucket(fromMinute);

        // '.' follows '-', so this bound takes every row of the last minute and nothing after it.
        var high = DuePrefix + Bucket(toMinute) + ".";
        var rows = _tables.QueryFirstAsync<DueEntity>(
            StorageTableNames.Due,
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}"),
            null,
            max,
            cancellationToken);

        // Rows of the old layout, while any are left (ADR 0039). Each query returns its oldest rows, so the oldest `max`
        // of both together are the oldest `max` overall.
        IReadOnlyList<DueEntity> oldRows = await MayHoldOldRowsAsync(cancellationToken)
            ? await _tables.QueryFirstAsync<DueEntity>(
                StorageTableNames.Due,
                TableClient.CreateQueryFilter($"PartitionKey ge {OldPartition(shard, fromMinute)} and PartitionKey le {OldPartition(shard, toMinute)}"),
                null,
                max,
                cancellationToken)
            : [];
        return [.. (await rows).Select(r => ToDueItem(r, false)).Concat(oldRows.Select(r => ToDueItem(r, true))).OrderBy(r => r.Occurrence.DueAt).Take(max)];
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
        var entity = ToDueEntity(item.Key, item.Occurrence, item.InOldLayout);
        var row = await _tables.GetEntityOrDefaultAsync<DueEntity>(StorageTableNames.Due, entity.PartitionKey, entity.RowKey, cancellationToken);
        return row is not null && row.ClaimId == claimed.ClaimId ? ToDueItem(row, item.InOldLayout) : null;
    }

    public async Task<DueItem?> TryUpdateAsync(DueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Version is not { } version)
        {
            throw new ArgumentException("Only a row read from the index can be updated.", nameof(item));
        }

        var entity = ToDueEntity(item.Key, item.Occurrence, item.InOldLayout);
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
        var entity = ToDueEntity(item.Key, item.Occurrence, item.InOldLayout);
        return _tables.DeleteEntityAsync(StorageTableNames.Due, entity.PartitionKey, entity.RowKey, cancellationToken);
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

    /// <summary>The Due partition of a schedule's rows and pointer: <c>shard-{shard:00}</c>.</summary>
    public static string PartitionOf(ScheduleKey key) => ShardPartition(ShardOf(key));

    /// <summary>The RowKey of the schedule's due row for an occurrence: <c>due-{UTC minute}-{key}</c>.</summary>
    public static string DueRowKey(ScheduleKey key, Occurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        return DuePrefix + Bucket(occurrence.DueAt) + "-" + RowKeyOf(key);
    }

    /// <summary>The RowKey of the schedule's pointer in its Due partition: <c>next-{key}</c>.</summary>
    public static string PointerRowKey(ScheduleKey key) => PointerPrefix + RowKeyOf(key);

    /// <summary>
    /// The whole encoded schedule key: the RowKey of its entry under the owner in Schedules (and of its due rows in
    /// the old layout), and the tail of its RowKeys in Due. Azurite finds a row by its RowKey first, so RowKeys stay
    /// unique per schedule rather than shared by every owner.
    /// </summary>
    public static string RowKeyOf(ScheduleKey key) => TableKeys.Encode(key.ToString());

    private static string ShardId(int shard) => shard.ToString("00", CultureInfo.InvariantCulture);

    private static string ShardPartition(int shard) => "shard-" + ShardId(shard);

    private static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString(BucketFormat, CultureInfo.InvariantCulture);

    /// <summary>Two occurrences of one schedule share a due row when they fall in the same UTC minute.</summary>
    private static bool SameRow(Occurrence a, Occurrence b) => Bucket(a.DueAt) == Bucket(b.DueAt);

    private static DueEntity ToDueEntity(ScheduleKey key, Occurrence occurrence, bool oldLayout = false) => new()
    {
        PartitionKey = oldLayout ? OldPartition(key, occurrence) : PartitionOf(key),
        RowKey = oldLayout ? RowKeyOf(key) : DueRowKey(key, occurrence),
        Owner = key.Owner,
        Name = key.Name,
        Kind = occurrence.Kind,
        OccurrenceId = occurrence.Id,
        DueAt = occurrence.DueAt,
        Deadline = occurrence.Deadline,
    };

    private static DueItem ToDueItem(DueEntity row, bool oldLayout) =>
        new(new ScheduleKey(row.Owner, row.Name), new Occurrence(row.Kind, row.OccurrenceId, row.DueAt, row.Deadline))
        {
            ClaimedBy = row.ClaimedBy,
            ClaimedUntil = row.ClaimedUntil,
            Attempts = row.Attempts,
            DeliveryToken = row.DeliveryToken,
            LastAttemptFailed = row.LastAttemptFailed,
            ClaimId = row.ClaimId,
            Version = row.ETag.ToString(),
            InOldLayout = oldLayout,
        };

    private static ScheduleEntity ToPointerEntity(ScheduleKey key, Occurrence? next, string fingerprint) => new()
    {
        PartitionKey = PartitionOf(key),
        RowKey = PointerRowKey(key),
        Owner = key.Owner,
        Name = key.Name,
        Fingerprint = fingerprint,
        Kind = next?.Kind,
        OccurrenceId = next?.Id,
        DueAt = next?.DueAt,
        Deadline = next?.Deadline,
    };

    private static SchedulePointer ToPointer(ScheduleEntity row, string? version) =>
        new(
            new ScheduleKey(row.Owner, row.Name),
            row is { Kind: { } kind, OccurrenceId: { } id, DueAt: { } due, Deadline: { } deadline } ? new Occurrence(kind, id, due, deadline) : null,
            row.Fingerprint)
        {
            Version = version,
        };
}
