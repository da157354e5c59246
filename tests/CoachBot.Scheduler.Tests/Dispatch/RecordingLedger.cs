using System.Collections.Concurrent;
using CoachBot.Core.Delivery;
using CoachBot.Core.Users;
using CoachBot.Testing.Fakes;

namespace CoachBot.Scheduler.Tests.Dispatch;

/// <summary>The in-memory ledger, remembering every <see cref="RecordAsync"/> with the fake clock's time.</summary>
public sealed class RecordingLedger : IDeliveryLedger
{
    private readonly InMemoryDeliveryLedger _inner;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<LedgerEntry> _entries = new();
    private Exception? _failNext;

    public RecordingLedger(TimeProvider time)
    {
        _time = time;
        _inner = new InMemoryDeliveryLedger(time);
    }

    /// <summary>Every record call, oldest first.</summary>
    public IReadOnlyList<LedgerEntry> Entries => [.. _entries];

    /// <summary>The record calls that let a send go ahead the first time (<see cref="LedgerRecord.New"/>).</summary>
    public IReadOnlyList<LedgerEntry> New => [.. _entries.Where(e => e.Result == LedgerRecord.New)];

    public Task<bool> TryRecordAsync(string key, CancellationToken cancellationToken) => _inner.TryRecordAsync(key, cancellationToken);

    public Task<bool> TryRecordAsync(UserRef user, string key, CancellationToken cancellationToken) => _inner.TryRecordAsync(user, key, cancellationToken);

    /// <summary>The next <see cref="RecordAsync"/> throws <paramref name="failure"/> and records nothing.</summary>
    public void FailNext(Exception failure) => _failNext = failure;

    public async Task<LedgerRecord> RecordAsync(UserRef? user, string key, string holder, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _failNext, null) is { } failure)
        {
            throw failure;
        }

        var result = await _inner.RecordAsync(user, key, holder, cancellationToken);
        _entries.Enqueue(new LedgerEntry(_time.GetUtcNow(), user, key, holder, result));
        return result;
    }

    public Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken) => _inner.PurgeAsync(recordedBefore, cancellationToken);

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken) => _inner.DeleteAllAsync(user, cancellationToken);
}
