using System.Security.Cryptography;
using CoachBot.Core.Installations;
using CoachBot.Slack.Install;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Slack.Tests.Install;

/// <summary>Keys, protectors and token sources for the install tests.</summary>
internal static class InstallTestSupport
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static SlackTokenProtector Protector(string? key, RecordingLogger<SlackTokenProtector>? logger = null) =>
        new(Options.Create(new SlackInstallOptions { TokenEncryptionKey = key }), logger ?? new RecordingLogger<SlackTokenProtector>());

    public static SlackTokenSource TokenSource(
        IInstallationStore store,
        SlackTokenProtector protector,
        FakeTimeProvider time,
        string? botToken = null) =>
        new(
            Options.Create(new SlackOptions { BotToken = botToken }),
            Options.Create(new SlackInstallOptions()),
            store,
            protector,
            time);

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
}
