using CoachBot.Core.Delivery;
using CoachBot.Core.Installations;
using CoachBot.Core.Privacy;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Jobs;
using CoachBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduler.Tests.Privacy;

/// <summary>
/// Issue 13 section 5: an uninstall deletes the workspace's or tenant's user data after the grace period
/// (Privacy:UninstallGraceDays, 30 by default) unless it is installed again within it. The real core, stores (Azurite)
/// and job; every table of the account is scanned afterwards.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
[Trait("Category", "Slow")]
public sealed class UninstallPurgeJobTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteFixture _azurite;

    public UninstallPurgeJobTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Purge_31DaysAfterWorkspaceUninstall_NoRowNamesItsUsersAndOtherTenantsStay()
    {
        await using var app = await StartAsync();
        var gone = await SeedWorkspaceAsync(app, "T" + Suffix());
        var tenant = gone[0].TenantId;
        var prefixTenant = await SeedWorkspaceAsync(app, tenant + "0");
        var other = await SeedWorkspaceAsync(app, "T" + Suffix());
        await app.Get<UninstallMarks>().MarkAsync(new PendingUninstall("slack", tenant, Start), None);

        app.Clock.SetUtcNow(Start.AddDays(31));
        var deleted = await app.Get<UninstallPurgeJob>().RunOnceAsync(None);

        Assert.Equal(gone.Count, deleted);
        var left = await app.RowsContainingAsync([.. gone.Select(u => u.UserId)]);
        Assert.True(left.Count == 0, "rows still naming the workspace's users: " + string.Join("; ", left));
        foreach (var kept in prefixTenant.Concat(other))
        {
            Assert.NotEmpty(await app.RowsContainingAsync(kept.UserId));
        }

        Assert.Null(await app.Get<IPendingUninstallStore>().GetAsync("slack", tenant, None));
    }

    [Fact]
    public async Task Purge_29DaysAfterUninstall_KeepsTheData()
    {
        await using var app = await StartAsync();
        var users = await SeedWorkspaceAsync(app, "T" + Suffix());
        await app.Get<UninstallMarks>().MarkAsync(new PendingUninstall("slack", users[0].TenantId, Start), None);

        app.Clock.SetUtcNow(Start.AddDays(29));
        var deleted = await app.Get<UninstallPurgeJob>().RunOnceAsync(None);

        Assert.Equal(0, deleted);
        foreach (var user in users)
        {
            Assert.NotEmpty(await app.RowsContainingAsync(user.UserId));
        }

        Assert.NotNull(await app.Get<IPendingUninstallStore>().GetAsync("slack", users[0].TenantId, None));
    }

    [Fact]
    public async Task Purge_ReinstalledWithinTheGracePeriod_KeepsTheDataAfter31Days()
    {
        await using var app = await StartAsync();
        var users = await SeedWorkspaceAsync(app, "T" + Suffix());
        var marks = app.Get<UninstallMarks>();
        await marks.MarkAsync(new PendingUninstall("slack", users[0].TenantId, Start), None);
        app.Clock.SetUtcNow(Start.AddDays(10));
        await marks.ClearTenantAsync("slack", users[0].TenantId, None);

        app.Clock.SetUtcNow(Start.AddDays(31));
        var deleted = await app.Get<UninstallPurgeJob>().RunOnceAsync(None);

        Assert.Equal(0, deleted);
        foreach (var user in users)
        {
            Assert.NotEmpty(await app.RowsContainingAsync(user.UserId));
        }
    }

    [Fact]
    public async Task Purge_PersonalTeamsUninstall_DeletesOnlyThatUser()
    {
        await using var app = await StartAsync();
        var tenant = Guid.NewGuid().ToString();
        var alice = new UserRef("msteams", tenant, "29:alice" + Suffix());
        var bob = new UserRef("msteams", tenant, "29:bob" + Suffix());
        await app.OnboardAsync(alice);
        await app.OnboardAsync(bob);
        await app.SendAsync(alice, "done led the design review");
        await app.SendAsync(bob, "done led the design review");
        await app.Get<UninstallMarks>().MarkAsync(PendingUninstall.ForUser(alice, Start), None);

        app.Clock.SetUtcNow(Start.AddDays(31));
        var deleted = await app.Get<UninstallPurgeJob>().RunOnceAsync(None);

        Assert.Equal(1, deleted);
        var left = await app.RowsContainingAsync(alice.UserId);
        Assert.True(left.Count == 0, "rows still naming the removed user: " + string.Join("; ", left));
        Assert.NotNull(await app.Get<IUserStore>().GetAsync(bob, None));
        Assert.Null(await app.Get<IPendingUninstallStore>().GetUserAsync(alice, None));
    }

    [Fact]
    public async Task Purge_RunTwiceTheSameDay_PurgesOnceAndAMarkLeftOverIsDoneTheNextDay()
    {
        await using var app = await StartAsync();
        var first = await SeedWorkspaceAsync(app, "T" + Suffix());
        var second = await SeedWorkspaceAsync(app, "T" + Suffix());
        var job = app.Get<UninstallPurgeJob>();
        await app.Get<UninstallMarks>().MarkAsync(new PendingUninstall("slack", first[0].TenantId, Start), None);
        app.Clock.SetUtcNow(Start.AddDays(31));
        Assert.Equal(first.Count, await job.RunOnceAsync(None));

        // Another replica's run of the same day, or this one restarted: the day's ledger key is taken.
        await app.Get<UninstallMarks>().MarkAsync(new PendingUninstall("slack", second[0].TenantId, Start), None);
        app.Clock.SetUtcNow(Start.AddDays(31).AddHours(2));
        var again = await job.RunOnceAsync(None);

        Assert.Equal(0, again);
        Assert.NotEmpty(await app.RowsContainingAsync(second[0].UserId));

        app.Clock.SetUtcNow(Start.AddDays(32));
        var nextDay = await job.RunOnceAsync(None);

        Assert.Equal(second.Count, nextDay);
        var left = await app.RowsContainingAsync([.. second.Select(u => u.UserId)]);
        Assert.True(left.Count == 0, "rows still naming the workspace's users: " + string.Join("; ", left));
    }

    [Fact]
    public async Task Purge_AWorkspaceInstalledAgainWhileTheRunIsUnderWay_IsNotPurged()
    {
        await using var app = await StartAsync();
        var one = await SeedWorkspaceAsync(app, "T" + Suffix());
        var two = await SeedWorkspaceAsync(app, "T" + Suffix());
        var store = app.Get<IPendingUninstallStore>();
        foreach (var workspace in new[] { one, two })
        {
            await app.Get<UninstallMarks>().MarkAsync(new PendingUninstall("slack", workspace[0].TenantId, Start), None);
        }

        app.Clock.SetUtcNow(Start.AddDays(31));

        // While the run lists the first workspace's users, the other one installs CoachBot again.
        var users = new ReinstallDuringTheRun(app.Get<ITenantUsers>(), store, [one[0].TenantId, two[0].TenantId]);
        var job = new UninstallPurgeJob(
            store, users, app.Get<UserDataService>(), app.Get<IUploadedFileStore>(), app.Get<IDeliveryLedger>(),
            app.Get<IOptions<UninstallOptions>>(), app.Clock, NullLogger<UninstallPurgeJob>.Instance);

        var deleted = await job.RunOnceAsync(None);

        var (purged, kept) = users.FirstListed == one[0].TenantId ? (one, two) : (two, one);
        Assert.Equal(purged.Count, deleted);
        Assert.Empty(await app.RowsContainingAsync([.. purged.Select(u => u.UserId)]));
        foreach (var user in kept)
        {
            Assert.NotEmpty(await app.RowsContainingAsync(user.UserId));
        }
    }

    /// <summary>The real tenant listing; the first time it is asked, the other workspace's mark is cleared (a reinstall).</summary>
    private sealed class ReinstallDuringTheRun(ITenantUsers inner, IPendingUninstallStore store, string[] tenants) : ITenantUsers
    {
        public string? FirstListed { get; private set; }

        public async Task<IReadOnlyList<UserRef>> ListAsync(string channel, string tenantId, CancellationToken cancellationToken)
        {
            if (FirstListed is null)
            {
                FirstListed = tenantId;
                await store.ClearAsync(channel, tenants.Single(t => t != tenantId), cancellationToken);
            }

            return await inner.ListAsync(channel, tenantId, cancellationToken);
        }
    }

    private async Task<FullStackHarness> StartAsync()
    {
        var app = new FullStackHarness(_azurite, Start);
        await app.InitializeAsync();
        return app;
    }

    /// <summary>
    /// A workspace with a user who practised, wrote a 1-on-1 note and got an export file, their manager, and a member
    /// known only from a team reflection's membership (no profile, no practice).
    /// </summary>
    private static async Task<IReadOnlyList<UserRef>> SeedWorkspaceAsync(FullStackHarness app, string team)
    {
        var suffix = Suffix();
        var worker = new UserRef("slack", team, "UWRK" + suffix);
        var boss = new UserRef("slack", team, "UBOS" + suffix);
        var member = new UserRef("slack", team, "UMEM" + suffix);
        await app.OnboardAsync(worker);
        await app.OnboardAsync(boss);
        await app.SendAsync(worker, "done led the design review");
        await app.SendAsync(worker, "skills 3 2 4 3 2");
        await app.SendAsync(boss, $"1on1 setup @{worker.UserId} weekly thu 15:00");
        await app.SendAsync(worker, "1on1 accept");
        await app.SendAsync(worker, $"1on1 note @{boss.UserId} shared note from the worker");
        await app.Get<TeamReflectionService>().RecordMemberAsync(TeamChannel.For(boss, "C" + suffix), member, None);

        // An export file uploaded to the worker's DM: after the uninstall nothing can delete it in Slack any more.
        await app.Get<IUploadedFileStore>().AddAsync(worker, "F" + suffix, None);
        return [worker, boss, member];
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
}
