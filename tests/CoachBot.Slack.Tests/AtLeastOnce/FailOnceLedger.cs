using CoachBot.Core.Delivery;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;

namespace CoachBot.Slack.Tests.AtLeastOnce;

/// <summary>
/// A ledger whose first write of a Slack event key lands in storage and then fails, as a storage call does when its
/// answer is lost (for the one event <c>eventId</c>): the worst moment for at-least-once handling (the key is recorded, the work is not done).
/// </summary>
internal sealed class FailOnceLedger(IDeliveryLedger inner, string eventId) : IDeliveryLedger
{
    private int _failed;

    public int Failures => Volatile.Read(ref _failed);

    public async Task<bool> TryRecordAsync(string key, CancellationToken cancellationToken)
    {
        var recorded = await inner.TryRecordAsync(key, cancellationToken);
        FailOnce(key);
        return recorded;
    }

    public Task<bool> TryRecordAsync(UserRef user, string key, CancellationToken cancellationToken) =>
        inner.TryRecordAsync(user, key, cancellationToken);

    public async Task<LedgerRecord> RecordAsync(UserRef? user, string key, string holder, CancellationToken cancellationToken)
    {
        var record = await inner.RecordAsync(user, key, holder, cancellationToken);
        FailOnce(key);
        return record;
    }

    public Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken) => inner.PurgeAsync(recordedBefore, cancellationToken);

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken) => inner.DeleteAllAsync(user, cancellationToken);

    private void FailOnce(string key)
    {
        if (key == "slack:event:" + eventId && Interlocked.Exchange(ref _failed, 1) == 0)
        {
            throw new StoreUnavailableException("Injected: the ledger write landed but its answer was lost.");
        }
    }
}
