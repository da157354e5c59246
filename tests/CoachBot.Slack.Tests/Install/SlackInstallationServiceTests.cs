using CoachBot.Slack.Api;
using CoachBot.Slack.Install;
using CoachBot.Testing.Fakes;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Slack.Tests.Install;

public sealed class SlackInstallationServiceTests
{
    private readonly InMemoryInstallationStore _store = new();
    private readonly InMemoryPendingUninstallStore _uninstalls = new();
    private readonly SlackTokenProtector _protector = InstallTestSupport.Protector(InstallTestSupport.NewKey());
    private readonly FakeTimeProvider _clock = InstallTestSupport.Clock();
    private readonly SlackTokenSource _tokens;
    private readonly RecordingLogger<SlackInstallationService> _logger = new();
    private readonly SlackInstallationService _service;

    public SlackInstallationServiceTests()
    {
        _tokens = InstallTestSupport.TokenSource(_store, _protector, _clock);
        _service = new SlackInstallationService(_store, new CoachBot.Core.Installations.UninstallMarks(_uninstalls, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<CoachBot.Core.Installations.UninstallMarks>.Instance), _protector, _tokens, _clock, _logger);
    }

    [Fact]
    public async Task SaveAsync_stores_a_workspace_install_under_the_team_with_an_encrypted_token()
    {
        await _service.SaveAsync(Result(new SlackTeam("T1", "E1"), "xoxb-team-secret", enterprise: false), CancellationToken.None);

        var row = await _store.GetAsync(SlackTeam.Channel, "T1", CancellationToken.None);
        Assert.NotNull(row);
        Assert.Equal("E1", row.EnterpriseId);
        Assert.Equal("UBOT", row.BotUserId);
        Assert.Equal(["chat:write", "im:history"], row.Scopes);
        Assert.Equal(_clock.GetUtcNow(), row.InstalledAt);
        Assert.StartsWith("v1:", row.BotToken, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", row.BotToken, StringComparison.Ordinal);
        Assert.Equal("xoxb-team-secret", await _tokens.GetBotTokenAsync(new SlackTeam("T1", "E1"), CancellationToken.None));
        Assert.DoesNotContain(_logger.Records, r => r.Message.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveAsync_stores_an_org_wide_install_under_the_enterprise()
    {
        await _service.SaveAsync(Result(new SlackTeam(string.Empty, "E1"), "xoxb-org", enterprise: true), CancellationToken.None);

        Assert.Null(await _store.GetAsync(SlackTeam.Channel, string.Empty, CancellationToken.None));
        Assert.NotNull(await _store.GetAsync(SlackTeam.Channel, "E1", CancellationToken.None));
        Assert.Equal("xoxb-org", await _tokens.GetBotTokenAsync(new SlackTeam("T7", "E1"), CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_replaces_a_cached_token_at_once()
    {
        var team = new SlackTeam("T1");
        await _service.SaveAsync(Result(team, "xoxb-first", enterprise: false), CancellationToken.None);
        Assert.Equal("xoxb-first", await _tokens.GetBotTokenAsync(team, CancellationToken.None));

        await _service.SaveAsync(Result(team, "xoxb-second", enterprise: false), CancellationToken.None);

        Assert.Equal("xoxb-second", await _tokens.GetBotTokenAsync(team, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_of_an_org_wide_install_without_an_enterprise_id_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => _service.SaveAsync(Result(new SlackTeam("T1"), "xoxb-x", enterprise: true), CancellationToken.None));

        Assert.Contains("start the install again", error.Message, StringComparison.Ordinal);
        Assert.Null(await _store.GetAsync(SlackTeam.Channel, "T1", CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_deletes_the_teams_row_and_forgets_its_cached_token()
    {
        var team = new SlackTeam("T1", "E1");
        await _service.SaveAsync(Result(team, "xoxb-team", enterprise: false), CancellationToken.None);
        await _service.SaveAsync(Result(new SlackTeam(string.Empty, "E1"), "xoxb-org", enterprise: true), CancellationToken.None);
        Assert.Equal("xoxb-team", await _tokens.GetBotTokenAsync(team, CancellationToken.None));

        Assert.True(await _service.RemoveAsync(team, CancellationToken.None));

        Assert.Null(await _store.GetAsync(SlackTeam.Channel, "T1", CancellationToken.None));
        Assert.NotNull(await _store.GetAsync(SlackTeam.Channel, "E1", CancellationToken.None));
        Assert.Equal("xoxb-org", await _tokens.GetBotTokenAsync(team, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_of_a_team_on_an_org_wide_install_deletes_the_enterprise_row()
    {
        var team = new SlackTeam("T2", "E1");
        await _service.SaveAsync(Result(new SlackTeam(string.Empty, "E1"), "xoxb-org", enterprise: true), CancellationToken.None);
        Assert.Equal("xoxb-org", await _tokens.GetBotTokenAsync(team, CancellationToken.None));

        Assert.True(await _service.RemoveAsync(team, CancellationToken.None));

        Assert.Null(await _store.GetAsync(SlackTeam.Channel, "E1", CancellationToken.None));
        Assert.Null(await _tokens.GetBotTokenAsync(team, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_when_nothing_is_installed_is_not_an_error()
    {
        Assert.False(await _service.RemoveAsync(new SlackTeam("T404", "E404"), CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_UninstallThenTokensRevoked_MarksTheWorkspaceOnceAtTheFirstEvent()
    {
        var team = new SlackTeam("T1", "E1");
        await _service.SaveAsync(Result(team, "xoxb-team-secret", enterprise: false), CancellationToken.None);
        var uninstalledAt = _clock.GetUtcNow();

        await _service.RemoveAsync(team, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _service.RemoveAsync(team, CancellationToken.None);

        var mark = await _uninstalls.GetAsync(SlackTeam.Channel, "T1", CancellationToken.None);
        Assert.Equal(uninstalledAt, mark?.UninstalledAt);
    }

    [Fact]
    public async Task RemoveAsync_EventSentBeforeTheInstallation_RemovesNothingAndMarksNothing()
    {
        var team = new SlackTeam("T1", "E1");
        var sentAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _service.SaveAsync(Result(team, "xoxb-installed-again", enterprise: false), CancellationToken.None);

        Assert.False(await _service.RemoveAsync(team, sentAt, CancellationToken.None));

        Assert.NotNull(await _store.GetAsync(SlackTeam.Channel, "T1", CancellationToken.None));
        Assert.Null(await _uninstalls.GetAsync(SlackTeam.Channel, "T1", CancellationToken.None));
        Assert.Equal("xoxb-installed-again", await _tokens.GetBotTokenAsync(team, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_EventSentInTheSecondOfTheInstallationOrLater_Removes()
    {
        var team = new SlackTeam("T1");
        await _service.SaveAsync(Result(team, "xoxb-team", enterprise: false), CancellationToken.None);
        // Slack's event_time has whole seconds: an uninstall in the same second as the install is still the uninstall.
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().ToUnixTimeSeconds());

        Assert.True(await _service.RemoveAsync(team, sentAt, CancellationToken.None));

        Assert.Null(await _store.GetAsync(SlackTeam.Channel, "T1", CancellationToken.None));
        Assert.NotNull(await _uninstalls.GetAsync(SlackTeam.Channel, "T1", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_ReinstallWithinGracePeriod_ClearsTheUninstallMark()
    {
        var team = new SlackTeam("T1", "E1");
        await _service.RemoveAsync(team, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(29));

        await _service.SaveAsync(Result(team, "xoxb-team-secret", enterprise: false), CancellationToken.None);

        Assert.Null(await _uninstalls.GetAsync(SlackTeam.Channel, "T1", CancellationToken.None));
    }

    private static SlackOAuthResult Result(SlackTeam team, string token, bool enterprise) =>
        new(team, token, "UBOT", "A1", ["chat:write", "im:history"], "UINSTALLER", enterprise);
}
