using CoachBot.Core.Installations;
using CoachBot.Slack.Install;
using CoachBot.Testing.Fakes;

namespace CoachBot.Slack.Tests.Install;

public sealed class SlackTokenSourceTests
{
    private readonly InMemoryInstallationStore _store = new();
    private readonly SlackTokenProtector _protector = InstallTestSupport.Protector(InstallTestSupport.NewKey());

    [Fact]
    public async Task A_configured_bot_token_wins_for_any_team()
    {
        await StoreAsync("T1", "xoxb-stored");
        var source = InstallTestSupport.TokenSource(_store, _protector, InstallTestSupport.Clock(), botToken: "xoxb-config");

        Assert.Equal("xoxb-config", await source.GetBotTokenAsync(new SlackTeam("T1"), CancellationToken.None));
        Assert.Equal("xoxb-config", await source.GetBotTokenAsync(new SlackTeam("T-other", "E9"), CancellationToken.None));
    }

    [Fact]
    public async Task The_teams_own_installation_comes_before_its_enterprises()
    {
        await StoreAsync("T1", "xoxb-team", "E1");
        await StoreAsync("E1", "xoxb-org", "E1");
        var source = InstallTestSupport.TokenSource(_store, _protector, InstallTestSupport.Clock());

        Assert.Equal("xoxb-team", await source.GetBotTokenAsync(new SlackTeam("T1", "E1"), CancellationToken.None));
    }

    [Fact]
    public async Task A_team_without_its_own_installation_uses_the_org_wide_one()
    {
        await StoreAsync("E1", "xoxb-org", "E1");
        var source = InstallTestSupport.TokenSource(_store, _protector, InstallTestSupport.Clock());

        Assert.Equal("xoxb-org", await source.GetBotTokenAsync(new SlackTeam("T2", "E1"), CancellationToken.None));
        Assert.Equal("xoxb-org", await source.GetBotTokenAsync(new SlackTeam(string.Empty, "E1"), CancellationToken.None));
    }

    [Fact]
    public async Task No_installation_gives_null()
    {
        var source = InstallTestSupport.TokenSource(_store, _protector, InstallTestSupport.Clock());

        Assert.Null(await source.GetBotTokenAsync(new SlackTeam("T1", "E1"), CancellationToken.None));
    }

    [Fact]
    public async Task A_row_copied_from_another_team_reads_as_not_installed()
    {
        await StoreAsync("T1", "xoxb-team");
        var copied = (await _store.GetAsync(SlackTeam.Channel, "T1", CancellationToken.None))! with { TenantId = "T2" };
        await _store.SaveAsync(copied, CancellationToken.None);
        var source = InstallTestSupport.TokenSource(_store, _protector, InstallTestSupport.Clock());

        Assert.Null(await source.GetBotTokenAsync(new SlackTeam("T2"), CancellationToken.None));
    }

    [Fact]
    public async Task Tokens_are_cached_until_the_lifetime_passes_or_Invalidate()
    {
        await StoreAsync("T1", "xoxb-old");
        var clock = InstallTestSupport.Clock();
        var source = InstallTestSupport.TokenSource(_store, _protector, clock);
        var team = new SlackTeam("T1");
        Assert.Equal("xoxb-old", await source.GetBotTokenAsync(team, CancellationToken.None));

        await StoreAsync("T1", "xoxb-new");
        Assert.Equal("xoxb-old", await source.GetBotTokenAsync(team, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("xoxb-new", await source.GetBotTokenAsync(team, CancellationToken.None));

        await StoreAsync("T1", "xoxb-newer");
        source.Invalidate(team);
        Assert.Equal("xoxb-newer", await source.GetBotTokenAsync(team, CancellationToken.None));
    }

    [Fact]
    public async Task Invalidating_an_enterprise_forgets_the_cached_tokens_of_its_teams()
    {
        await StoreAsync("E1", "xoxb-org", "E1");
        var source = InstallTestSupport.TokenSource(_store, _protector, InstallTestSupport.Clock());
        var team = new SlackTeam("T2", "E1");
        Assert.Equal("xoxb-org", await source.GetBotTokenAsync(team, CancellationToken.None));

        await _store.DeleteAsync(SlackTeam.Channel, "E1", CancellationToken.None);
        source.Invalidate(new SlackTeam(string.Empty, "E1"));

        Assert.Null(await source.GetBotTokenAsync(team, CancellationToken.None));
    }

    private Task StoreAsync(string tenantId, string token, string? enterpriseId = null) => _store.SaveAsync(
        new Installation(SlackTeam.Channel, tenantId, enterpriseId, "UBOT", _protector.Protect(token, tenantId), ["chat:write"], DateTimeOffset.UnixEpoch),
        CancellationToken.None);
}
