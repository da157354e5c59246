using CoachBot.Core.Installations;

namespace CoachBot.Testing.Contracts;

/// <summary>What every <see cref="IInstallationStore"/> must do. Inherit it and supply a fresh, empty store.</summary>
public abstract class InstallationStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A new store that shares nothing with the stores of other tests.</summary>
    protected abstract Task<IInstallationStore> CreateStoreAsync();

    [Fact]
    public async Task GetAsync_NeverSaved_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync("slack", NewTenant(), None));
    }

    [Fact]
    public async Task SaveAsync_EveryField_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var installation = new Installation(
            "slack", NewTenant(), "E0123", "U0BOT", "xoxb-test-not-a-real-token", ["chat:write", "im:history", "commands"],
            new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)));

        await store.SaveAsync(installation, None);

        AssertSame(installation, await store.GetAsync(installation.Channel, installation.TenantId, None));
    }

    [Fact]
    public async Task SaveAsync_NullFieldsAndNoScopes_RoundTrip()
    {
        var store = await CreateStoreAsync();
        var installation = new Installation("msteams", NewTenant(), null, null, null, [], default);

        await store.SaveAsync(installation, None);

        AssertSame(installation, await store.GetAsync(installation.Channel, installation.TenantId, None));
    }

    [Fact]
    public async Task SaveAsync_Existing_ReplacesIt()
    {
        var store = await CreateStoreAsync();
        var first = new Installation("slack", NewTenant(), "E1", "U1", "xoxb-old", ["chat:write"], new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var second = first with { EnterpriseId = null, BotToken = "xoxb-new", Scopes = ["chat:write", "users:read"], InstalledAt = first.InstalledAt.AddDays(1) };
        await store.SaveAsync(first, None);

        await store.SaveAsync(second, None);

        AssertSame(second, await store.GetAsync(first.Channel, first.TenantId, None));
    }

    [Fact]
    public async Task SaveAsync_SameTenantOnAnotherChannel_IsSeparate()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        await store.SaveAsync(new Installation("slack", tenant, null, "U1", "xoxb-1", [], default), None);

        Assert.Null(await store.GetAsync("msteams", tenant, None));
    }

    [Fact]
    public async Task SaveAsync_TenantIdWithReservedCharacters_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var installation = new Installation("slack", NewTenant() + "/#?\\:;%", null, null, null, ["a"], default);

        await store.SaveAsync(installation, None);

        AssertSame(installation, await store.GetAsync(installation.Channel, installation.TenantId, None));
    }

    [Fact]
    public async Task DeleteAsync_Saved_RemovesIt()
    {
        var store = await CreateStoreAsync();
        var installation = new Installation("slack", NewTenant(), null, "U1", "xoxb-1", ["chat:write"], default);
        await store.SaveAsync(installation, None);

        await store.DeleteAsync(installation.Channel, installation.TenantId, None);

        Assert.Null(await store.GetAsync(installation.Channel, installation.TenantId, None));
    }

    [Fact]
    public async Task DeleteAsync_NeverSaved_DoesNotThrow()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();

        await store.DeleteAsync("slack", tenant, None);

        Assert.Null(await store.GetAsync("slack", tenant, None));
    }

    [Fact]
    public async Task ListByEnterpriseAsync_WorkspaceAndOrgWideInstalls_ListsOnlyThatEnterprisesOnTheChannel()
    {
        var store = await CreateStoreAsync();
        var enterprise = "E" + NewTenant();
        var first = new Installation("slack", NewTenant(), enterprise, "U1", "xoxb-1", ["chat:write"], default);
        var second = first with { TenantId = NewTenant() };
        var orgWide = first with { TenantId = enterprise };
        foreach (var installation in new[] { first, second, orgWide })
        {
            await store.SaveAsync(installation, None);
        }

        // Neighbours that must stay out: another enterprise, no enterprise, and the same enterprise id on another channel.
        await store.SaveAsync(first with { TenantId = NewTenant(), EnterpriseId = "E" + NewTenant() }, None);
        await store.SaveAsync(first with { TenantId = NewTenant(), EnterpriseId = null }, None);
        await store.SaveAsync(first with { Channel = "msteams", TenantId = NewTenant() }, None);

        var listed = await store.ListByEnterpriseAsync("slack", enterprise, None);

        Assert.Equal(
            new[] { first.TenantId, second.TenantId, orgWide.TenantId }.Order(StringComparer.Ordinal),
            listed.Select(i => i.TenantId).Order(StringComparer.Ordinal));
        AssertSame(first, listed.Single(i => i.TenantId == first.TenantId));
    }

    [Fact]
    public async Task ListByEnterpriseAsync_NoInstallOfIt_ReturnsEmpty()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(new Installation("slack", NewTenant(), "E" + NewTenant(), "U1", "xoxb-1", [], default), None);

        Assert.Empty(await store.ListByEnterpriseAsync("slack", "E" + NewTenant(), None));
    }

    [Fact]
    public async Task ListByEnterpriseAsync_WorkspaceReinstalledOutsideTheEnterprise_IsNoLongerListed()
    {
        var store = await CreateStoreAsync();
        var enterprise = "E" + NewTenant();
        var installation = new Installation("slack", NewTenant(), enterprise, "U1", "xoxb-1", [], default);
        await store.SaveAsync(installation, None);

        await store.SaveAsync(installation with { EnterpriseId = "E" + NewTenant() }, None);

        Assert.Empty(await store.ListByEnterpriseAsync("slack", enterprise, None));
    }

    [Fact]
    public async Task ListByEnterpriseAsync_Deleted_IsNoLongerListed()
    {
        var store = await CreateStoreAsync();
        var enterprise = "E" + NewTenant();
        var installation = new Installation("slack", NewTenant(), enterprise, "U1", "xoxb-1", [], default);
        await store.SaveAsync(installation, None);

        await store.DeleteAsync(installation.Channel, installation.TenantId, None);

        Assert.Empty(await store.ListByEnterpriseAsync("slack", enterprise, None));
    }

    [Fact]
    public async Task ListAsync_GivesEveryInstallOfTheChannel_AndNoOther()
    {
        var store = await CreateStoreAsync();
        var one = new Installation("slack", NewTenant(), null, "U1", "xoxb-1", [], default);
        var two = new Installation("slack", NewTenant(), "E2", "U2", "xoxb-2", [], default);
        await store.SaveAsync(one, None);
        await store.SaveAsync(two, None);
        await store.SaveAsync(new Installation("msteams", NewTenant(), null, null, null, [], default), None);

        var listed = await store.ListAsync("slack", None);

        Assert.Equal(new[] { one.TenantId, two.TenantId }.Order(StringComparer.Ordinal), listed.Select(i => i.TenantId).Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    [Fact]
    public async Task ReplaceBotTokenAsync_RowStillHoldsTheExpectedToken_ReplacesOnlyTheToken()
    {
        var store = await CreateStoreAsync();
        var installation = new Installation("slack", NewTenant(), "E1", "U1", "v1:old", ["chat:write"], new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await store.SaveAsync(installation, None);

        Assert.True(await store.ReplaceBotTokenAsync("slack", installation.TenantId, "v1:old", "v1:new", None));

        AssertSame(installation with { BotToken = "v1:new" }, await store.GetAsync("slack", installation.TenantId, None));
    }

    [Fact]
    public async Task ReplaceBotTokenAsync_ReinstalledMeanwhile_KeepsTheReinstall()
    {
        var store = await CreateStoreAsync();
        var installation = new Installation("slack", NewTenant(), null, "U1", "v1:old", [], default);
        await store.SaveAsync(installation, None);
        var reinstall = installation with { BotToken = "v1:reinstalled", BotUserId = "U2" };
        await store.SaveAsync(reinstall, None);

        Assert.False(await store.ReplaceBotTokenAsync("slack", installation.TenantId, "v1:old", "v1:new", None));

        AssertSame(reinstall, await store.GetAsync("slack", installation.TenantId, None));
    }

    [Fact]
    public async Task ReplaceBotTokenAsync_UninstalledMeanwhile_RecreatesNothing()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();

        Assert.False(await store.ReplaceBotTokenAsync("slack", tenant, "v1:old", "v1:new", None));

        Assert.Null(await store.GetAsync("slack", tenant, None));
    }

    private static string NewTenant() => TestUsers.New().TenantId;

    private static void AssertSame(Installation expected, Installation? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Channel, actual.Channel);
        Assert.Equal(expected.TenantId, actual.TenantId);
        Assert.Equal(expected.EnterpriseId, actual.EnterpriseId);
        Assert.Equal(expected.BotUserId, actual.BotUserId);
        Assert.Equal(expected.BotToken, actual.BotToken);
        Assert.Equal(expected.Scopes, actual.Scopes);
        Assert.Equal(expected.InstalledAt.UtcTicks, actual.InstalledAt.UtcTicks);
    }
}
