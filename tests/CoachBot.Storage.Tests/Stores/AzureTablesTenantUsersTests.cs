using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.OneOnOnes.Calendar;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Storage.Calendar;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Habits;
using CoachBot.Storage.Health;
using CoachBot.Storage.Privacy;
using CoachBot.Storage.Reflections;
using CoachBot.Storage.Users;
using CoachBot.Testing;

namespace CoachBot.Storage.Tests.Stores;

/// <summary>
/// The uninstall purge's list of a tenant's users (docs/decisions/0021-uninstall-grace-period.md): found from every
/// per-user table, not only the profile, and never another tenant's users.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class AzureTablesTenantUsersTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteFixture _azurite;

    public AzureTablesTenantUsersTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task ListAsync_UsersKnownFromDifferentTables_ListsEachOnceIncludingThoseWithoutAProfile()
    {
        var tables = await _azurite.CreateTablesAsync();
        var withProfile = new UserRef("slack", "T1", "UPROFILE");
        var practiceOnly = new UserRef("slack", "T1", "UPRACTICE");
        var reflectionOnly = new UserRef("slack", "T1", "UMEMBER");
        var ledgerOnly = new UserRef("slack", "T1", "ULEDGER");
        await new AzureTablesUserStore(tables).SaveAsync(new UserProfile { User = withProfile }, None);
        await new AzureTablesProgressStore(tables).AddAsync(new PracticeEntry(withProfile, "p0", new DateOnly(2026, 12, 1), "a", null, null, Now), None);
        await new AzureTablesProgressStore(tables).AddAsync(new PracticeEntry(practiceOnly, "p1", new DateOnly(2026, 12, 1), "a", null, null, Now), None);
        await new ReflectionUserIndex(tables).AddAsync(ReflectionUserIndex.Member, reflectionOnly, TeamChannel.For(withProfile, "C1"), None);
        await new AzureTablesDeliveryLedger(tables, TimeProvider.System).TryRecordAsync(ledgerOnly, "slack-event:Ev1", None);

        var users = await new AzureTablesTenantUsers(tables).ListAsync("slack", "T1", None);

        Assert.Equal(
            new[] { ledgerOnly, reflectionOnly, practiceOnly, withProfile }.OrderBy(u => u.UserId, StringComparer.Ordinal),
            users);
    }

    [Fact]
    public async Task ListAsync_UsersKnownOnlyFromACalendarFeedOrFrozenTeamHealth_AreListed()
    {
        var tables = await _azurite.CreateTablesAsync();
        var feedOnly = new UserRef("slack", "T1", "UFEED");
        var leadOnly = new UserRef("slack", "T1", "ULEAD");
        await new AzureTablesCalendarFeedStore(tables).ReplaceAsync(feedOnly, new CalendarFeedRecord(new string('a', 64), Now), None);
        await new AzureTablesTeamHealthStore(tables).FreezeAsync(
            leadOnly, new HealthWeek("2026-W47", new Dictionary<string, HealthCell>(StringComparer.Ordinal)), None);

        var users = await new AzureTablesTenantUsers(tables).ListAsync("slack", "T1", None);

        Assert.Equal(new[] { feedOnly, leadOnly }, users);
    }

    [Fact]
    public async Task ListAsync_TenantIdPrefixOfAnother_ListsOnlyTheExactTenantAndChannel()
    {
        var tables = await _azurite.CreateTablesAsync();
        var store = new AzureTablesUserStore(tables);
        var mine = new UserRef("slack", "T1", "UMINE");
        await store.SaveAsync(new UserProfile { User = mine }, None);
        await store.SaveAsync(new UserProfile { User = new UserRef("slack", "T10", "UOTHER") }, None);
        await store.SaveAsync(new UserProfile { User = new UserRef("slack", "T", "U1") }, None);
        await store.SaveAsync(new UserProfile { User = new UserRef("msteams", "T1", "29:teams") }, None);
        await store.SaveAsync(new UserProfile { User = new UserRef("slack", "T1X", "UX") }, None);

        var users = await new AzureTablesTenantUsers(tables).ListAsync("slack", "T1", None);

        Assert.Equal([mine], users);
    }

    [Fact]
    public async Task ListAsync_TenantWithCharactersThatAreEscapedInKeys_FindsItsUsers()
    {
        var tables = await _azurite.CreateTablesAsync();
        var user = new UserRef("msteams", "tenant/with#odd?chars", "29:a/b");
        await new AzureTablesUserStore(tables).SaveAsync(new UserProfile { User = user }, None);

        var users = await new AzureTablesTenantUsers(tables).ListAsync("msteams", "tenant/with#odd?chars", None);

        Assert.Equal([user], users);
    }
}
