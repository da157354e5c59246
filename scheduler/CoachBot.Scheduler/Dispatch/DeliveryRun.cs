using CoachBot.Core.Delivery;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Dispatch;

/// <summary>
/// One claimed occurrence on its way out: the ledger gate every send passes first, and the senders. A subject calls
/// <see cref="BeginAsync"/> for each recipient right before sending to them.
/// </summary>
public sealed class DeliveryRun
{
    private readonly IDeliveryLedger _ledger;
    private readonly bool _mayRetry;

    public DeliveryRun(DueItem item, DateTimeOffset now, bool mayRetry, IDeliveryLedger ledger, ChannelSenders senders)
    {
        ArgumentNullException.ThrowIfNull(item);
        Item = item;
        Now = now;
        _mayRetry = mayRetry;
        _ledger = ledger;
        Senders = senders;
    }

    /// <summary>The claimed row.</summary>
    public DueItem Item { get; }

    /// <summary>The occurrence being delivered.</summary>
    public Occurrence Occurrence => Item.Occurrence;

    /// <summary>The dispatcher's now.</summary>
    public DateTimeOffset Now { get; }

    public ChannelSenders Senders { get; }

    /// <summary>The ledger key of this occurrence, e.g. <c>nudge:2026-12-01</c>, optionally scoped (a channel).</summary>
    public string Key(string? scope = null) =>
        scope is null ? $"{Occurrence.Kind}:{Occurrence.Id}" : $"{Occurrence.Kind}:{scope}:{Occurrence.Id}";

    /// <summary>
    /// Writes the ledger row before the side effect. True when this delivery may send: the key is new, or this
    /// same delivery recorded it in an attempt known to have failed. False when it was sent already, or an attempt
    /// died mid-send (in doubt: at most once wins over at least once).
    /// </summary>
    public async Task<bool> BeginAsync(UserRef? user, string key, CancellationToken cancellationToken)
    {
        var record = await _ledger.RecordAsync(user, key, Item.DeliveryToken ?? throw new InvalidOperationException("The row was not claimed."), cancellationToken);
        return record == LedgerRecord.New || (record == LedgerRecord.SameHolder && _mayRetry);
    }
}
