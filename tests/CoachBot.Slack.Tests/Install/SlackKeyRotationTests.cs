using CoachBot.Core.Installations;
using CoachBot.Slack.Install;
using CoachBot.Storage.Installations;
using CoachBot.Testing;
using CoachBot.Testing.Fakes;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Tests.Install;

/// <summary>
/// Rotating <c>Slack:TokenEncryptionKey</c> with <c>Slack:PreviousTokenEncryptionKey</c> uninstalls no workspace:
/// tokens sealed under the old key keep opening, every one is sealed again under the new key against real storage,
/// and after that the old key can go.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackKeyRotationTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteFixture _azurite;
    private readonly string _oldKey = InstallTestSupport.NewKey();
    private readonly string _newKey = InstallTestSupport.NewKey();

    public SlackKeyRotationTests(AzuriteFixture azurite) => _azurite = azurite;

    private static SlackTokenProtector Protector(string key, string? previous = null, RecordingLogger<SlackTokenProtector>? logger = null) =>
        new(Options.Create(new SlackInstallOptions { TokenEncryptionKey = key, PreviousTokenEncryptionKey = previous }), logger ?? new RecordingLogger<SlackTokenProtector>());

    [Fact]
    public void A_token_sealed_under_the_old_key_opens_during_the_rotation_but_not_under_the_new_key_alone()
    {
        var stored = Protector(_oldKey).Protect("xoxb-old-secret", "T1");
        var logger = new RecordingLogger<SlackTokenProtector>();

        Assert.Equal("xoxb-old-secret", Protector(_newKey, previous: _oldKey).Unprotect(stored, "T1"));
        Assert.Null(Protector(_newKey, logger: logger).Unprotect(stored, "T1"));
        Assert.DoesNotContain("xoxb-old-secret", Assert.Single(logger.Records).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrap_seals_an_old_token_under_the_new_key_and_leaves_a_current_one_alone()
    {
        var during = Protector(_newKey, previous: _oldKey);
        var old = Protector(_oldKey).Protect("xoxb-1", "T1");
        var current = during.Protect("xoxb-2", "T2");

        var resealed = during.Rewrap(old, "T1");

        Assert.NotNull(resealed);
        Assert.Equal("xoxb-1", Protector(_newKey).Unprotect(resealed, "T1"));
        Assert.Null(during.Rewrap(current, "T2"));
        Assert.Null(during.Rewrap(old, "T-other"));
        Assert.Null(Protector(_newKey).Rewrap(old, "T1"));
    }

    [Fact]
    public async Task A_rotation_pass_reseals_every_installation_so_the_old_key_can_go_and_no_workspace_is_lost()
    {
        var store = new AzureTablesInstallationStore(await _azurite.CreateTablesAsync());
        var old = Protector(_oldKey);
        foreach (var team in new[] { "T1", "T2" })
        {
            await store.SaveAsync(new Installation("slack", team, null, "UBOT", old.Protect("xoxb-" + team, team), ["chat:write"], default), None);
        }

        var during = Protector(_newKey, previous: _oldKey);
        await store.SaveAsync(new Installation("slack", "T3", null, "UBOT", during.Protect("xoxb-T3", "T3"), ["chat:write"], default), None);
        var logger = new RecordingLogger<SlackTokenKeyRotation>();
        var rotation = new SlackTokenKeyRotation(store, during, Options.Create(new SlackInstallOptions()), TimeProvider.System, logger);

        var (rewrapped, remaining) = await rotation.RunOnceAsync(None);
        var second = await rotation.RunOnceAsync(None);

        Assert.Equal((2, 0), (rewrapped, remaining));
        Assert.Equal((0, 0), second);
        Assert.Contains("can now be removed", logger.Records[0].Message, StringComparison.Ordinal);
        var after = InstallTestSupport.TokenSource(store, Protector(_newKey), InstallTestSupport.Clock());
        foreach (var team in new[] { "T1", "T2", "T3" })
        {
            Assert.Equal("xoxb-" + team, await after.GetBotTokenAsync(new SlackTeam(team), None));
        }
    }

    [Fact]
    public async Task A_reinstall_between_the_read_and_the_reseal_is_kept()
    {
        var store = new AzureTablesInstallationStore(await _azurite.CreateTablesAsync());
        var installation = new Installation("slack", "T1", null, "UBOT", Protector(_oldKey).Protect("xoxb-before", "T1"), [], default);
        await store.SaveAsync(installation, None);
        var reinstall = new RacingStore(store, installation with { BotToken = Protector(_newKey).Protect("xoxb-reinstalled", "T1") });
        var rotation = new SlackTokenKeyRotation(reinstall, Protector(_newKey, previous: _oldKey), Options.Create(new SlackInstallOptions()), TimeProvider.System, new RecordingLogger<SlackTokenKeyRotation>());

        var result = await rotation.RunOnceAsync(None);

        Assert.Equal((0, 1), result);
        var stored = await store.GetAsync("slack", "T1", None);
        Assert.Equal("xoxb-reinstalled", Protector(_newKey).Unprotect(stored!.BotToken, "T1"));
    }

    [Fact]
    public async Task A_wrong_previous_key_is_reported_as_an_error_and_never_as_a_finished_rotation()
    {
        var store = new InMemoryInstallationStore();
        await store.SaveAsync(new Installation("slack", "T1", null, "UBOT", Protector(_oldKey).Protect("xoxb-T1", "T1"), ["chat:write"], default), None);
        var logger = new RecordingLogger<SlackTokenKeyRotation>();
        var rotation = new SlackTokenKeyRotation(store, Protector(_newKey, previous: InstallTestSupport.NewKey()), Options.Create(new SlackInstallOptions()), TimeProvider.System, logger);

        var (rewrapped, remaining) = await rotation.RunOnceAsync(None);

        Assert.Equal((0, 1), (rewrapped, remaining));
        Assert.DoesNotContain(logger.Records, r => r.Message.Contains("can now be removed", StringComparison.Ordinal));
        Assert.Contains(logger.Records, r => r.Level == Microsoft.Extensions.Logging.LogLevel.Error && r.Message.Contains("open under neither", StringComparison.Ordinal));
    }

    [Fact]

    [Trait("Category", "Slow")]
    public async Task The_first_pass_waits_one_interval_so_a_roll_out_finishes_before_anything_is_resealed()
    {
        var store = new InMemoryInstallationStore();
        var stored = Protector(_oldKey).Protect("xoxb-T1", "T1");
        await store.SaveAsync(new Installation("slack", "T1", null, "UBOT", stored, ["chat:write"], default), None);
        var clock = InstallTestSupport.Clock();
        using var rotation = new SlackTokenKeyRotation(
            store, Protector(_newKey, previous: _oldKey), Options.Create(new SlackInstallOptions { KeyRotationInterval = TimeSpan.FromHours(1) }), clock,
            new RecordingLogger<SlackTokenKeyRotation>());

        await rotation.StartAsync(None);

        // Minute by minute on the fake clock (however late the background loop made its timer): nothing before an hour.
        var minutes = 0;
        string? after = stored;
        while (after == stored && minutes < 180)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            minutes++;
            after = minutes >= 59 ? await WaitForChangeAsync(store, stored, attempts: 4) : (await store.GetAsync("slack", "T1", None))!.BotToken;
        }

        await rotation.StopAsync(None);

        Assert.InRange(minutes, 60, 179);
        Assert.Equal("xoxb-T1", Protector(_newKey).Unprotect(after, "T1"));
    }

    private static async Task<string?> WaitForChangeAsync(InMemoryInstallationStore store, string stored, int attempts)
    {
        for (var i = 0; i < attempts; i++)
        {
            var current = (await store.GetAsync("slack", "T1", None))!.BotToken;
            if (current != stored)
            {
                return current;
            }

            await Task.Delay(50);
        }

        return stored;
    }

    [Fact]
    public void An_install_link_issued_under_the_old_key_still_completes_on_a_replica_that_rotated()
    {
        var clock = InstallTestSupport.Clock();
        var lifetime = Options.Create(new SlackInstallOptions());
        var (state, cookie) = new SlackOAuthState(Protector(_oldKey), lifetime, clock).Issue();

        Assert.Null(new SlackOAuthState(Protector(_newKey, previous: _oldKey), lifetime, clock).Verify(state, cookie));
        Assert.Equal("the state signature does not match", new SlackOAuthState(Protector(_newKey), lifetime, clock).Verify(state, cookie));
    }

    [Theory]
    [InlineData(false, true, "Slack:PreviousTokenEncryptionKey is set but Slack:TokenEncryptionKey is not")]
    [InlineData(true, true, "Slack:PreviousTokenEncryptionKey is the same as Slack:TokenEncryptionKey")]
    [InlineData(true, false, "Slack:PreviousTokenEncryptionKey is not 32 bytes of base64")]
    public void A_half_set_rotation_stops_the_host_with_the_fix(bool current, bool validPrevious, string expected)
    {
        var key = InstallTestSupport.NewKey();
        var options = new SlackInstallOptions { TokenEncryptionKey = current ? key : null, PreviousTokenEncryptionKey = validPrevious ? key : "c2hvcnQ=" };

        var result = new SlackInstallOptionsValidator(Options.Create(new SlackOptions())).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rotation_runs_only_while_a_previous_key_is_set()
    {
        static IServiceCollection Services(Dictionary<string, string?> values) =>
            new ServiceCollection().AddSlackInstall(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        Assert.DoesNotContain(Services(new() { ["Slack:TokenEncryptionKey"] = _newKey }), d => d.ImplementationType == typeof(SlackTokenKeyRotation));
        Assert.Contains(
            Services(new() { ["Slack:TokenEncryptionKey"] = _newKey, ["Slack:PreviousTokenEncryptionKey"] = _oldKey }),
            d => d.ImplementationType == typeof(SlackTokenKeyRotation));
    }

    /// <summary>Saves a reinstall right after the rotation read the row, as another replica's install callback would.</summary>
    private sealed class RacingStore(IInstallationStore inner, Installation reinstall) : IInstallationStore
    {
        public Task SaveAsync(Installation installation, CancellationToken cancellationToken) => inner.SaveAsync(installation, cancellationToken);

        public Task<Installation?> GetAsync(string channel, string tenantId, CancellationToken cancellationToken) => inner.GetAsync(channel, tenantId, cancellationToken);

        public Task<IReadOnlyList<Installation>> ListByEnterpriseAsync(string channel, string enterpriseId, CancellationToken cancellationToken) =>
            inner.ListByEnterpriseAsync(channel, enterpriseId, cancellationToken);

        public async Task<IReadOnlyList<Installation>> ListAsync(string channel, CancellationToken cancellationToken)
        {
            var listed = await inner.ListAsync(channel, cancellationToken);
            await inner.SaveAsync(reinstall, cancellationToken);
            return listed;
        }

        public Task<bool> ReplaceBotTokenAsync(string channel, string tenantId, string expectedBotToken, string newBotToken, CancellationToken cancellationToken) =>
            inner.ReplaceBotTokenAsync(channel, tenantId, expectedBotToken, newBotToken, cancellationToken);

        public Task DeleteAsync(string channel, string tenantId, CancellationToken cancellationToken) => inner.DeleteAsync(channel, tenantId, cancellationToken);
    }
}
