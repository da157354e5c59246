using System.Collections.Concurrent;
using CoachBot.Core.Delivery;

namespace CoachBot.Testing.Fakes;

/// <summary>An <see cref="IInbox"/> in memory, for unit tests of the edges.</summary>
public sealed class InMemoryInbox : IInbox
{
    private readonly ConcurrentDictionary<(string Channel, string Id), Row> _rows = new();
    private readonly TimeProvider _time;

    public InMemoryInbox(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public int MaxPayloadLength => 256_000;

    /// <summary>How many items are waiting or in progress.</summary>
    public int Count => _rows.Count;

    public Task<bool> TryEnqueueAsync(string channel, string id, string kind, string payload, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryAdd((channel, id), new Row(kind, payload, _time.GetUtcNow(), null, 0)));

    public Task<InboundItem?> TryClaimAsync(string channel, string id, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        while (_rows.TryGetValue((channel, id), out var row))
        {
            if (row.LeaseUntil > now)
            {
                return Task.FromResult<InboundItem?>(null);
            }

            var claimed = row with { LeaseUntil = now + lease, Attempts = row.Attempts + 1 };
            if (_rows.TryUpdate((channel, id), claimed, row))
            {
                return Task.FromResult<InboundItem?>(new InboundItem(channel, id, row.Kind, row.Payload, row.ReceivedAt, claimed.Attempts));
            }
        }

        return Task.FromResult<InboundItem?>(null);
    }

    public Task<IReadOnlyList<string>> FindUnclaimedAsync(string channel, int max, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        IReadOnlyList<string> ids = [.. _rows.Where(r => r.Key.Channel == channel && !(r.Value.LeaseUntil > now))
            .OrderBy(r => r.Value.ReceivedAt).Take(max).Select(r => r.Key.Id)];
        return Task.FromResult(ids);
    }

    public Task CompleteAsync(InboundItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        _rows.TryRemove((item.Channel, item.Id), out _);
        return Task.CompletedTask;
    }

    public Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        var old = _rows.Where(r => r.Value.ReceivedAt < receivedBefore).Select(r => r.Key).ToList();
        return Task.FromResult(old.Count(k => _rows.TryRemove(k, out _)));
    }

    public Task<int> DeleteNamingAsync(string channel, string userId, CancellationToken cancellationToken)
    {
        var naming = _rows.Where(r => r.Key.Channel == channel && PayloadText.Names(r.Value.Payload, userId)).Select(r => r.Key).ToList();
        return Task.FromResult(naming.Count(k => _rows.TryRemove(k, out _)));
    }

    private sealed record Row(string Kind, string Payload, DateTimeOffset ReceivedAt, DateTimeOffset? LeaseUntil, int Attempts);
}
