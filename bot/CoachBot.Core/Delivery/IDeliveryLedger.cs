namespace CoachBot.Core.Delivery;

/// <summary>
/// Insert-only ledger of things done once: a Slack event id, a Teams activity id, a scheduled occurrence. A row is
/// written before the side effect, so a retry or a second replica finds it and does nothing.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>Records the key. Returns true the first time and false whenever the key already exists.</summary>
    Task<bool> TryRecordAsync(string key, CancellationToken cancellationToken);
}
