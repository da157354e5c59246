using CoachBot.Core.Delivery;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Tests.Privacy;

/// <summary>
/// The real ledger with a step that runs once right before the next scheduled delivery records its key: the moment
/// after a delivery loaded its subject and before it writes anything, when a `forget me` on another replica can land.
/// </summary>
public sealed class HookedLedger : IDeliveryLedger
{
    private readonly IDeliveryLedger _inner;

    public HookedLedger(IDeliveryLedger inner) => _inner = inner;

    /// <summary>Runs once, before the next <see cref="RecordAsync"/> for a user.</summary>
    public Func<UserRef, Task>? BeforeNextDelivery { get; set; }

    public Task<bool> TryRecordAsync(string key, CancellationToken cancellationToken) => _inner.TryRecordAsync(key, cancellationToken);

    public Task<bool> TryRecordAsync(UserRef user, string key, CancellationToken cancellationToken) => _inner.TryRecordAsync(user, key, cancellationToken);

    public async Task<LedgerRecord> RecordAsync(UserRef? user, string key, string holder, CancellationToken cancellationToken)
    {
        if (user is not null && BeforeNextDelivery is { } step)
        {
            BeforeNextDelivery = null;
            await step(user);
        }

        return await _inner.RecordAsync(user, key, holder, cancellationToken);
    }

    public Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken) => _inner.PurgeAsync(recordedBefore, cancellationToken);

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken) => _inner.DeleteAllAsync(user, cancellationToken);
}
