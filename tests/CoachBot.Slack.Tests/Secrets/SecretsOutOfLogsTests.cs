using System.Diagnostics;
using CoachBot.Slack.Tests.AtLeastOnce;
using CoachBot.Slack.Tests.Edge;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace CoachBot.Slack.Tests.Secrets;

/// <summary>
/// A whole Slack session (DM, slash command, button answered through response_url, a file shared through an upload
/// URL) with every log line at Trace and every exported span captured: none holds a token, the signing secret, a
/// response_url or an upload URL.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SecretsOutOfLogsTests
{
    private const string User = "U0ALICE";

    private readonly AzuriteFixture _azurite;

    public SecretsOutOfLogsTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task SlackSession_LogsAndTraces_HoldNoTokenSecretOrSecretUrl()
    {
        var logs = new CapturingLoggerProvider();
        var spans = new List<Activity>();
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Telemetry:Console"] = "true",
        };
        await using (var host = await SlackHost.StartAsync(_azurite, settings, services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
        }))
        {
            host.Slack.AddUser(User);
            var responseUrl = host.Slack.ResponseUrl("T0TEST-B0HOOK-secretHookToken").ToString();

            using (var dm = await host.PostEventAsync(SlackPayloads.DirectMessage("Ev0SESSION1", User, "help", channel: "D0SESSION")))
            {
                Assert.True(dm.IsSuccessStatusCode);
            }

            using (var export = await host.PostEventAsync(SlackPayloads.DirectMessage("Ev0SESSION2", User, "export", channel: "D0SESSION")))
            {
                Assert.True(export.IsSuccessStatusCode);
            }

            using (var command = await host.PostCommandAsync(SlackPayloads.Command(User, "today", responseUrl)))
            {
                Assert.True(command.IsSuccessStatusCode);
            }

            using (var press = await host.PostInteractionAsync(SlackPayloads.BlockAction(User, "command.run|0", "{\"text\":\"today\"}", responseUrl)))
            {
                Assert.True(press.IsSuccessStatusCode);
            }

            await host.Slack.WaitForCallAsync("files.completeUploadExternal");
            await host.Slack.WaitForCallAsync("response_url:T0TEST-B0HOOK-secretHookToken");
            await SlackAtLeastOnceTests.WaitForEmptyInboxAsync(host);
        }

        var forbidden = new[] { SlackHost.Token, SlackHost.Secret, "xoxb-", "xapp-", "secretHookToken", "/response/", "/upload/" };
        // The fake Slack runs in this process too: its own server spans are Slack's side of the wire, not CoachBot's.
        var ours = spans.Where(s => s.Kind != ActivityKind.Server || (s.GetTagItem("http.route") as string)?.StartsWith("/slack", StringComparison.Ordinal) == true);
        var spanText = ours.Select(s => $"{s.DisplayName} {string.Join(" ", s.TagObjects.Select(t => $"{t.Key}={t.Value}"))}").ToList();
        Assert.NotEmpty(logs.Lines);
        Assert.Contains(spanText, s => s.Contains("127.0.0.1", StringComparison.Ordinal));
        foreach (var secret in forbidden)
        {
            var inLogs = logs.Lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal));
            Assert.True(inLogs is null, $"A log line holds '{secret}': {inLogs}");
            var inSpans = spanText.FirstOrDefault(s => s.Contains(secret, StringComparison.Ordinal));
            Assert.True(inSpans is null, $"An exported span holds '{secret}': {inSpans}");
        }
    }
}
