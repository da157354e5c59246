using Azure.Data.Tables;

namespace CoachBot.Storage.Delivery;

/// <summary>
/// Group commit for the ledger's insert-only keys: the keys that arrive while a write is under way go together in one
/// transaction per partition. Keys of no one in particular (Slack trigger ids, job runs) share <see cref="Shards"/>
/// partitions so they can group; a user's keys group within the user's partition. A key alone is written at once, as
/// before; 32 at a time cost a few storage calls instead of 32. The insert still decides: a row that exists fails its
/// transaction with 409 at its index, that key is answered "repeat" and the rest are tried again, so "exactly once"
/// holds across replicas as it did row by row (ADR 0043).
/// </summary>
internal sealed class LedgerBatcher
{
    /// <summary>Shared partitions: room for Table Storage's per-partition rate, few enough to group keys.</summary>
    public const int Shards = 4;

    private readonly CoachBotTables _tables;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private List<Pending> _waiting = [];
    private bool _writing;

    public LedgerBatcher(CoachBotTables tables, TimeProvider time)
    {
        _tables = tables;
        _time = time;
    }

    /// <summary>
    /// The partition of a key of no one in particular: a stable hash, so every replica and every later replay looks in
    /// the same place.
    /// </summary>
    public static string SharedPartitionOf(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return $"keys|{hash % Shards}";
    }

    /// <summary>Records the key in the partition; true the first time it is ever recorded there, false for a repeat.</summary>
    /// <remarks>The caller's cancellation stops its wait, never the shared write other callers wait on.</remarks>
    public Task<bool> RecordAsync(string partitionKey, string key, CancellationToken cancellationToken)
    {
        var pending = new Pending(partitionKey, TableKeys.Encode(key), key);
        bool lead;
        lock (_gate)
        {
            _waiting.Add(pending);
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            _ = Task.Run(WriteAllAsync, CancellationToken.None);
        }

        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAllAsync()
    {
        while (true)
        {
            List<Pending> round;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                round = _waiting;
                _waiting = [];
            }

            var groups = round.GroupBy(p => p.PartitionKey).SelectMany(g => g.Chunk(CoachBotTables.MaxTransactionActions));
            await Task.WhenAll(groups.Select(WriteGroupAsync));
        }
    }

    private async Task WriteGroupAsync(Pending[] group)
    {
        var left = new List<Pending>(group.Length);
        foreach (var pending in group)
        {
            // The same key twice in one round is a copy racing its original: one of them is the first.
            if (left.Exists(p => p.RowKey == pending.RowKey))
            {
                pending.Done.TrySetResult(false);
            }
            else
            {
                left.Add(pending);
            }
        }

        try
        {
            await WriteAsync(left);
        }
        catch (Exception e)
        {
            left.ForEach(p => p.Done.TrySetException(e));
        }
    }

    private async Task WriteAsync(List<Pending> left)
    {
        while (left.Count > 0)
        {
            var callId = Guid.NewGuid().ToString("N");
            var now = _time.GetUtcNow();
            var actions = left.ConvertAll(p => new TableTransactionAction(
                TableTransactionActionType.Add,
                new LedgerEntity { PartitionKey = p.PartitionKey, RowKey = p.RowKey, Key = p.Key, RecordedAt = now, CallId = callId }));
            var outcome = await _tables.SubmitAsync(StorageTableNames.Ledger, actions, CancellationToken.None);
            if (outcome.Written)
            {
                left.ForEach(p => p.Done.TrySetResult(true));
                return;
            }

            if (outcome.Status != 409 || outcome.FailedAction is not { } index || index < 0 || index >= left.Count)
            {
                throw new InvalidOperationException($"The ledger refused a batch of new keys with {outcome.Status} at action {outcome.FailedAction}.");
            }

            var failed = left[index];
            var stored = await _tables.GetEntityOrDefaultAsync<LedgerEntity>(
                StorageTableNames.Ledger, failed.PartitionKey, failed.RowKey, CancellationToken.None);
            if (stored?.CallId == callId)
            {
                // The SDK retried a transaction whose first try was applied: every row is ours (all or none).
                left.ForEach(p => p.Done.TrySetResult(true));
                return;
            }

            failed.Done.TrySetResult(false);
            left.RemoveAt(index);
        }
    }

    private sealed record Pending(string PartitionKey, string RowKey, string Key)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
