using System.Collections.Concurrent;
using CoachBot.Core.Delivery;

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
}
