namespace CoachBot.Core.Delivery;

/// <summary>
/// The durable hand-off between an edge's fast acknowledgement and the slow work behind it. An edge enqueues the raw
/// payload under the channel's own id (Slack event id, Teams activity id) before it answers, so a crash after the
/// answer loses nothing; workers on any replica claim items with a lease and complete them when done. Enqueueing the
/// same id twice keeps one item.
/// </summary>
public interface IInbox
{
    /// <summary>Largest payload, in characters, an item can hold.</summary>
    int MaxPayloadLength { get; }

    /// <summary>Adds an item; false when an item with the same channel and id is already waiting.</summary>
    Task<bool> TryEnqueueAsync(string channel, string id, string kind, string payload, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the item for <paramref name="lease"/>: null when it is gone (done) or another worker holds an unexpired
    /// lease. An expired lease (its worker died) can be taken over.
    /// </summary>
    Task<InboundItem?> TryClaimAsync(string channel, string id, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Ids of items nobody holds (never claimed, or their lease expired), oldest first.</summary>
    Task<IReadOnlyList<string>> FindUnclaimedAsync(string channel, int max, CancellationToken cancellationToken);

    /// <summary>Removes a finished item (a missing one is not an error).</summary>
    Task CompleteAsync(InboundItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Removes items of any channel received before <paramref name="receivedBefore"/>: ones that kept failing and were
    /// given up on (retention clean-up). Returns how many were removed.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every item of <paramref name="channel"/>, claimed or not, whose payload names <paramref name="userId"/>
    /// (see <see cref="PayloadText.Names"/>): `forget me` leaves no raw event about the person behind. Returns how many
    /// were removed.
    /// </summary>
    Task<int> DeleteNamingAsync(string channel, string userId, CancellationToken cancellationToken);
}

/// <summary>A claimed item: the payload as enqueued and how many times it has been claimed (1 on the first try).</summary>
public sealed record InboundItem(string Channel, string Id, string Kind, string Payload, DateTimeOffset ReceivedAt, int Attempts);
