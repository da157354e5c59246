using CoachBot.Core.Delivery;

namespace CoachBot.Testing.Contracts;

/// <summary>What every <see cref="IDeliveryLedger"/> must do. Inherit it and supply a fresh, empty ledger.</summary>
public abstract class DeliveryLedgerContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A new ledger that shares nothing with the ledgers of other tests.</summary>
    protected abstract Task<IDeliveryLedger> CreateLedgerAsync();

    [Fact]
    public async Task TryRecordAsync_NewKey_ReturnsTrue()
    {
        var ledger = await CreateLedgerAsync();

        Assert.True(await ledger.TryRecordAsync(NewKey(), None));
    }

    [Fact]
    public async Task TryRecordAsync_SameKeyAgain_ReturnsFalse()
    {
        var ledger = await CreateLedgerAsync();
        var key = NewKey();
        await ledger.TryRecordAsync(key, None);

        Assert.False(await ledger.TryRecordAsync(key, None));
        Assert.False(await ledger.TryRecordAsync(key, None));
    }

    [Fact]
    public async Task TryRecordAsync_DifferentKeys_EachReturnsTrue()
    {
        var ledger = await CreateLedgerAsync();
        var key = NewKey();

        Assert.True(await ledger.TryRecordAsync(key, None));
        Assert.True(await ledger.TryRecordAsync(key + ":2", None));
    }

    [Fact]
    public async Task TryRecordAsync_SameKeyFrom20TasksAtOnce_ReturnsTrueExactlyOnce()
    {
        var ledger = await CreateLedgerAsync();
        var key = NewKey();
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 20)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await ledger.TryRecordAsync(key, None);
            }))
            .ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(recorded => recorded));
    }

    [Fact]
    public async Task TryRecordAsync_KeysThatLookAlikeOnceEncoded_StayApart()
    {
        var ledger = await CreateLedgerAsync();
        var key = NewKey();

        Assert.True(await ledger.TryRecordAsync(key + "/x", None));
        Assert.True(await ledger.TryRecordAsync(key + "%2Fx", None));
        Assert.True(await ledger.TryRecordAsync(key + "#?\\\u0007", None));
        Assert.False(await ledger.TryRecordAsync(key + "/x", None));
    }

    [Fact]
    public async Task TryRecordAsync_UserKey_OnceForThatUserOnly()
    {
        var ledger = await CreateLedgerAsync();
        var key = NewKey();
        var alice = TestUsers.New();
        var bob = TestUsers.New();

        Assert.True(await ledger.TryRecordAsync(alice, key, None));
        Assert.False(await ledger.TryRecordAsync(alice, key, None));
        Assert.True(await ledger.TryRecordAsync(bob, key, None));
        Assert.True(await ledger.TryRecordAsync(key, None));
    }

    [Fact]
    public async Task DeleteAllAsync_ForgetsOnlyThatUsersKeys()
    {
        var ledger = await CreateLedgerAsync();
        var key = NewKey();
        var alice = TestUsers.New();
        var bob = TestUsers.New();
        await ledger.TryRecordAsync(alice, key, None);
        await ledger.TryRecordAsync(alice, key + ":2", None);
        await ledger.TryRecordAsync(bob, key, None);
        await ledger.TryRecordAsync(key, None);

        await ledger.DeleteAllAsync(alice, None);

        Assert.True(await ledger.TryRecordAsync(alice, key, None));
        Assert.False(await ledger.TryRecordAsync(bob, key, None));
        Assert.False(await ledger.TryRecordAsync(key, None));
    }

    [Fact]
    public async Task TryRecordAsync_LongKeysSharingAPrefix_StayApart()
    {
        var ledger = await CreateLedgerAsync();
        var prefix = NewKey() + TestUsers.LongText(1400);

        Assert.True(await ledger.TryRecordAsync(prefix + "a", None));
        Assert.True(await ledger.TryRecordAsync(prefix + "b", None));
        Assert.False(await ledger.TryRecordAsync(prefix + "a", None));
    }

    [Fact]
    public async Task RecordAsync_NewKey_New_ThenSameHolder_ThenTakenForAnotherHolder()
    {
        var ledger = await CreateLedgerAsync();
        var key = NewKey();
        var alice = TestUsers.New();

        Assert.Equal(LedgerRecord.New, await ledger.RecordAsync(alice, key, "token-1", None));
        Assert.Equal(LedgerRecord.SameHolder, await ledger.RecordAsync(alice, key, "token-1", None));
        Assert.Equal(LedgerRecord.Taken, await ledger.RecordAsync(alice, key, "token-2", None));
        Assert.False(await ledger.TryRecordAsync(alice, key, None));
    }

    [Fact]
    public async Task RecordAsync_NoUser_IsSharedAndApartFromUserKeys()
    {
        var ledger = await CreateLedgerAsync();
        var key = NewKey();

        Assert.Equal(LedgerRecord.New, await ledger.RecordAsync(null, key, "token-1", None));
        Assert.Equal(LedgerRecord.Taken, await ledger.RecordAsync(null, key, "token-2", None));
        Assert.Equal(LedgerRecord.New, await ledger.RecordAsync(TestUsers.New(), key, "token-2", None));
        Assert.False(await ledger.TryRecordAsync(key, None));
    }

    [Fact]
    public async Task RecordAsync_SameKeyFrom20HoldersAtOnce_ExactlyOneIsNew()
    {
        var ledger = await CreateLedgerAsync();
        var key = NewKey();
        var user = TestUsers.New();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => ledger.RecordAsync(user, key, "holder-" + i, None))));

        Assert.Equal(1, results.Count(r => r == LedgerRecord.New));
        Assert.Equal(19, results.Count(r => r == LedgerRecord.Taken));
    }

    [Fact]
    public async Task PurgeAsync_DeletesKeysRecordedBeforeTheCutOff_KeepsLaterOnes()
    {
        var ledger = await CreateLedgerAsync();
        var key = NewKey();
        var user = TestUsers.New();
        await ledger.TryRecordAsync(key, None);
        await ledger.RecordAsync(user, key, "token-1", None);

        Assert.Equal(0, await ledger.PurgeAsync(DateTimeOffset.UnixEpoch, None));
        Assert.False(await ledger.TryRecordAsync(key, None));

        Assert.Equal(2, await ledger.PurgeAsync(new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero), None));
        Assert.True(await ledger.TryRecordAsync(key, None));
        Assert.Equal(LedgerRecord.New, await ledger.RecordAsync(user, key, "token-2", None));
    }

    private static string NewKey() => $"slack|{TestUsers.New().TenantId}|U1:nudge:{Guid.NewGuid():N}";
}
