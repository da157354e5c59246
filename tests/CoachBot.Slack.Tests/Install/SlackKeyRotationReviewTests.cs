using CoachBot.Core.Installations;
using CoachBot.Slack.Install;
using CoachBot.Testing.Fakes;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Tests.Install;

/// <summary>
/// Review findings on the key rotation (security review of 2026-12-05). These tests fail on purpose until fixed.
/// </summary>
public sealed class SlackKeyRotationReviewTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _oldKey = InstallTestSupport.NewKey();
    private readonly string _newKey = InstallTestSupport.NewKey();

    private static SlackTokenProtector Protector(string key, string? previous = null) =>
        new(Options.Create(new SlackInstallOptions { TokenEncryptionKey = key, PreviousTokenEncryptionKey = previous }), new RecordingLogger<SlackTokenProtector>());

    private static SlackTokenKeyRotation Rotation(IInstallationStore store, SlackTokenProtector protector, RecordingLogger<SlackTokenKeyRotation> logger) =>
        new(store, protector, Options.Create(new SlackInstallOptions()), TimeProvider.System, logger);

    /// <summary>
    /// docs/operations.md step 2 ("announce the new key first") sets Slack:PreviousTokenEncryptionKey to the NEW key
    /// while Slack:TokenEncryptionKey is still the old one. That starts SlackTokenKeyRotation, which then seals every
    /// token that the rotated replicas (step 3) already moved to the new key back under the old key. During the
    /// step-3 roll-out the two revisions undo each other, and a "can now be removed" line logged by a new replica
    /// can be followed by an old replica moving tokens back under the key the operator is about to delete.
    /// </summary>
    [Fact]
    public async Task Review_A_replica_in_the_announce_step_never_moves_tokens_back_from_the_new_key()
    {
        var store = new InMemoryInstallationStore();
        var rotated = Protector(_newKey, previous: _oldKey);
        foreach (var team in new[] { "T1", "T2" })
        {
            await store.SaveAsync(new Installation("slack", team, null, "UBOT", rotated.Protect("xoxb-" + team, team), ["chat:write"], default), None);
        }

        // A replica still on the step-2 settings (current = old, previous = new), as during the step-3 roll-out.
        var announcing = Rotation(store, Protector(_oldKey, previous: _newKey), new RecordingLogger<SlackTokenKeyRotation>());
        var (rewrapped, _) = await announcing.RunOnceAsync(None);

        Assert.Equal(0, rewrapped);
    }

    /// <summary>
    /// With a wrong Slack:PreviousTokenEncryptionKey (a typo, or the key of an older rotation) no stored token opens,
    /// every workspace is "not installed", and yet the pass counts nothing as remaining and logs that the previous key
    /// "can now be removed": rows that open under neither key are silently dropped from the count.
    /// </summary>
    [Fact]
    public async Task Review_A_wrong_previous_key_is_not_reported_as_a_finished_rotation()
    {
        var store = new InMemoryInstallationStore();
        await store.SaveAsync(new Installation("slack", "T1", null, "UBOT", Protector(_oldKey).Protect("xoxb-T1", "T1"), ["chat:write"], default), None);
        var logger = new RecordingLogger<SlackTokenKeyRotation>();
        var wrongPrevious = InstallTestSupport.NewKey();

        var (_, remaining) = await Rotation(store, Protector(_newKey, previous: wrongPrevious), logger).RunOnceAsync(None);

        Assert.DoesNotContain(logger.Records, r => r.Message.Contains("can now be removed", StringComparison.Ordinal));
        Assert.NotEqual(0, remaining);
    }
}
