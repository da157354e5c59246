using CoachBot.Core.Users;

namespace CoachBot.Core.Delivery;

/// <summary>
/// Insert-only ledger of things done once: a Slack event id, a Teams activity id, a scheduled occurrence. A row is
/// written before the side effect, so a retry or a second replica finds it and does nothing.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>Records the key. Returns true the first time and false whenever the key already exists.</summary>
    Task<bool> TryRecordAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Records a key that belongs to one user (their message ids, their nudges), kept with the user's other rows so
    /// <c>forget me</c> can delete it. Keys of different users never collide.
    /// </summary>
    Task<bool> TryRecordAsync(UserRef user, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Records a key on behalf of <paramref name="holder"/> (a scheduled delivery's token) and says who had it first:
    /// this call, an earlier call of the same holder (its attempt may or may not have reached the user), or someone
    /// else. <paramref name="user"/> null files the key under no one (a channel's summary).
    /// </summary>
    Task<LedgerRecord> RecordAsync(UserRef? user, string key, string holder, CancellationToken cancellationToken);

    /// <summary>Deletes every key recorded before <paramref name="recordedBefore"/> (retention clean-up).</summary>
    /// <returns>How many keys were deleted.</returns>
    Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken);

    /// <summary>Deletes every key recorded for the user.</summary>
    Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken);
}
