using System.Collections.Concurrent;
using CoachBot.Core.Delivery;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="IDeliveryLedger"/> in memory: true the first time a key is recorded, false after.</summary>
public sealed class InMemoryDeliveryLedger : IDeliveryLedger
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    /// <summary>Every key recorded so far, for assertions.</summary>
    public IReadOnlyCollection<string> Keys => [.. _keys.Keys];

    public Task<bool> TryRecordAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_keys.TryAdd(key, 0));
    }

    public Task<bool> TryRecordAsync(UserRef user, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_keys.TryAdd(UserPrefix(user) + key, 0));
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
