using CoachBot.Core.Installations;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Contracts;

/// <summary>What every <see cref="IPendingUninstallStore"/> must do; run against the fake and against Azurite.</summary>
public abstract class PendingUninstallStoreContract
{
    private static readonly DateTimeOffset Day0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected abstract Task<IPendingUninstallStore> CreateStoreAsync();

    [Fact]
    public async Task MarkAsync_MarkedTwice_KeepsTheFirstTime()
    {
        var store = await CreateStoreAsync();
        await store.MarkAsync(new PendingUninstall("slack", "T1", Day0), CancellationToken.None);
        await store.MarkAsync(new PendingUninstall("slack", "T1", Day0.AddDays(3)), CancellationToken.None);

        var row = await store.GetAsync("slack", "T1", CancellationToken.None);

        Assert.Equal(Day0, row?.UninstalledAt);
    }

    [Fact]
    public async Task ClearAsync_AfterMark_RecordIsGoneAndClearingAgainIsFine()
    {
        var store = await CreateStoreAsync();
        await store.MarkAsync(new PendingUninstall("slack", "T1", Day0), CancellationToken.None);

        await store.ClearAsync("slack", "T1", CancellationToken.None);
        await store.ClearAsync("slack", "T1", CancellationToken.None);

        Assert.Null(await store.GetAsync("slack", "T1", CancellationToken.None));
    }

    [Fact]
    public async Task ListDueAsync_MixedAges_ReturnsOnlyThoseAtOrBeforeTheCutoff()
    {
        var store = await CreateStoreAsync();
        await store.MarkAsync(new PendingUninstall("slack", "OLD", Day0), CancellationToken.None);
        await store.MarkAsync(new PendingUninstall("teams", "EDGE", Day0.AddDays(1)), CancellationToken.None);
        await store.MarkAsync(new PendingUninstall("slack", "NEW", Day0.AddDays(2)), CancellationToken.None);

        var due = await store.ListDueAsync(Day0.AddDays(1), CancellationToken.None);

        Assert.Equal(["EDGE", "OLD"], due.Select(row => row.TenantId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MarkAsync_PersonalUninstall_IsThatUsersOwnAndLeavesTheTenantUnmarked()
    {
        var store = await CreateStoreAsync();
        var user = new UserRef("msteams", "T1", "29:alice");
        await store.MarkAsync(PendingUninstall.ForUser(user, Day0), CancellationToken.None);
        await store.MarkAsync(PendingUninstall.ForUser(user, Day0.AddDays(2)), CancellationToken.None);

        var own = await store.GetUserAsync(user, CancellationToken.None);

        Assert.Equal(Day0, own?.UninstalledAt);
        Assert.Equal(user, own?.User);
        Assert.Null(await store.GetAsync("msteams", "T1", CancellationToken.None));
        Assert.Null(await store.GetUserAsync(user with { UserId = "29:bob" }, CancellationToken.None));
    }

    [Fact]
    public async Task ClearUserAsync_BothMarked_ClearsOnlyThePersonalMark()
    {
        var store = await CreateStoreAsync();
        var user = new UserRef("msteams", "T1", "29:alice");
        await store.MarkAsync(PendingUninstall.ForUser(user, Day0), CancellationToken.None);
        await store.MarkAsync(new PendingUninstall("msteams", "T1", Day0.AddDays(1)), CancellationToken.None);

        await store.ClearUserAsync(user, CancellationToken.None);
        await store.ClearUserAsync(user, CancellationToken.None);

        Assert.Null(await store.GetUserAsync(user, CancellationToken.None));
        Assert.Equal(Day0.AddDays(1), (await store.GetAsync("msteams", "T1", CancellationToken.None))?.UninstalledAt);
    }

    [Fact]
    public async Task ListDueAndListAll_TenantAndPersonalMarks_ReturnBothKinds()
    {
        var store = await CreateStoreAsync();
        var user = new UserRef("msteams", "T2", "29:carol");
        await store.MarkAsync(new PendingUninstall("slack", "T1", Day0), CancellationToken.None);
        await store.MarkAsync(PendingUninstall.ForUser(user, Day0), CancellationToken.None);
        await store.MarkAsync(new PendingUninstall("slack", "T3", Day0.AddDays(5)), CancellationToken.None);

        var due = await store.ListDueAsync(Day0, CancellationToken.None);
        var all = await store.ListAllAsync(CancellationToken.None);

        Assert.Equal(2, due.Count);
        Assert.Contains(due, row => row.User == user);
        Assert.Contains(due, row => row is { TenantId: "T1", UserId: null });
        Assert.Equal(3, all.Count);
    }
}
