using Azure.Data.Tables;
using CoachBot.Core.Delivery;
using CoachBot.Core.Storage;

namespace CoachBot.Storage.Inbox;

/// <summary>
/// <see cref="IInbox"/> on the Inbox table. Enqueue is an insert (409 = already waiting); a claim is an
/// ETag-conditional update of the lease, so two replicas racing for one item get it once between them.
/// </summary>
public sealed class AzureTablesInbox : IInbox
{
    private static readonly string[] ListColumns = ["RowKey", "Id", "ReceivedAt", "LeaseUntil"];

    private readonly CoachBotTables _tables;
    private readonly TimeProvider _time;

    public AzureTablesInbox(CoachBotTables tables, TimeProvider time)
    {
        _tables = tables;
        _time = time;
    }

    public int MaxPayloadLength => InboxEntity.ChunkLength * InboxEntity.MaxChunks;

    public async Task<bool> TryEnqueueAsync(string channel, string id, string kind, string payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, MaxPayloadLength);
        var row = new InboxEntity
        {
            PartitionKey = TableKeys.Encode(channel),
            RowKey = TableKeys.Encode(id),
            Id = id,
            Kind = kind,
            ReceivedAt = _time.GetUtcNow(),
        };
        row.SetPayload(payload);
        return await _tables.TryAddEntityAsync(StorageTableNames.Inbox, row, cancellationToken) is not null;
    }

    public async Task<InboundItem?> TryClaimAsync(string channel, string id, TimeSpan lease, CancellationToken cancellationToken)
    {
        var row = await _tables.GetEntityOrDefaultAsync<InboxEntity>(
            StorageTableNames.Inbox, TableKeys.Encode(channel), TableKeys.Encode(id), cancellationToken);
        var now = _time.GetUtcNow();
        if (row is null || row.LeaseUntil > now)
        {
            return null;
        }

        var etag = row.ETag;
        row.LeaseUntil = now + lease;
        row.Attempts++;
        try
        {
            await _tables.UpdateEntityAsync(StorageTableNames.Inbox, row, etag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        return new InboundItem(channel, row.Id, row.Kind, row.GetPayload(), row.ReceivedAt, row.Attempts);
    }

    public async Task<IReadOnlyList<string>> FindUnclaimedAsync(string channel, int max, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var partition = TableKeys.Encode(channel);
        var rows = await _tables.QueryAsync<InboxEntity>(
            StorageTableNames.Inbox,
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and (LeaseUntil eq null or LeaseUntil le {now})"),
            ListColumns,
            cancellationToken);
        return [.. rows.Where(r => r.LeaseUntil is null || r.LeaseUntil <= now).OrderBy(r => r.ReceivedAt).Take(max).Select(r => r.Id)];
    }

    public async Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        var old = await _tables.QueryAsync<InboxEntity>(
            StorageTableNames.Inbox, TableClient.CreateQueryFilter($"ReceivedAt lt {receivedBefore}"), ["PartitionKey", "RowKey"], cancellationToken);
        foreach (var row in old)
        {
            await _tables.DeleteEntityAsync(StorageTableNames.Inbox, row.PartitionKey, row.RowKey, cancellationToken);
        }

        return old.Count;
    }

    public async Task<int> DeleteNamingAsync(string channel, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(userId);

        // The inbox holds only what is waiting or being worked on (finished items are deleted), so reading the
        // channel's partition whole is cheap; the payload is the only place that names the sender.
        var rows = await _tables.QueryAsync<InboxEntity>(
            StorageTableNames.Inbox, TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channel)}"), null, cancellationToken);
        var naming = rows.Where(r => PayloadText.Names(r.GetPayload(), userId)).ToList();
        foreach (var row in naming)
        {
            await _tables.DeleteEntityAsync(StorageTableNames.Inbox, row.PartitionKey, row.RowKey, cancellationToken);
        }

        return naming.Count;
    }

    public Task CompleteAsync(InboundItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _tables.DeleteEntityAsync(StorageTableNames.Inbox, TableKeys.Encode(item.Channel), TableKeys.Encode(item.Id), cancellationToken);
    }
}
