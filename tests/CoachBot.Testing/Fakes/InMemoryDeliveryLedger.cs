using System.Collections.Concurrent;
using CoachBot.Core.Delivery;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="IDeliveryLedger"/> in memory: true the first time a key is recorded, false after.</summary>
public sealed class InMemoryDeliveryLedger : IDeliveryLedger
{
    private readonly ConcurrentDictionary<string, (string Holder, DateTimeOffset At)> _keys = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public InMemoryDeliveryLedger(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Every key recorded so far, for assertions.</summary>
    public IReadOnlyCollection<string> Keys => [.. _keys.Keys];

    public Task<bool> TryRecordAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_keys.TryAdd(key, (string.Empty, _time.GetUtcNow())));
    }

    public Task<bool> TryRecordAsync(UserRef user, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_keys.TryAdd(UserPrefix(user) + key, (string.Empty, _time.GetUtcNow())));
    }

    public Task<LedgerRecord> RecordAsync(UserRef? user, string key, string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        cancellationToken.ThrowIfCancellationRequested();
        var fullKey = user is null ? key : UserPrefix(user) + key;
        if (_keys.TryAdd(fullKey, (holder, _time.GetUtcNow())))
        {
            return Task.FromResult(LedgerRecord.New);
        }

        return Task.FromResult(_keys.TryGetValue(fullKey, out var stored) && stored.Holder == holder ? LedgerRecord.SameHolder : LedgerRecord.Taken);
    }

    public Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken)
    {
        var old = _keys.Where(k => k.Value.At < recordedBefore).Select(k => k.Key).ToList();
        return Task.FromResult(old.Count(k => _keys.TryRemove(k, out _)));
    }

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var key in _keys.Keys.Where(k => k.StartsWith(UserPrefix(user), StringComparison.Ordinal)))
        {
            _keys.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    // A separator that cannot start an ordinary key keeps user keys apart from shared ones.
    private static string UserPrefix(UserRef user) => "\u0001" + user.Key + "\u0001";
}
