using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Core.Installations;
using CoachBot.Slack.Api;
using CoachBot.Slack.Install;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>
/// The uninstall grace period on the Slack edge (docs/decisions/0021-uninstall-grace-period.md): app_uninstalled
/// starts it; an event Slack sent after the uninstall clears it; late retries of events sent before it, and the
/// uninstall events themselves, leave it. Signed requests over real HTTP to the real host and Azurite.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackUninstallMarkTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteFixture _azurite;

    public SlackUninstallMarkTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Events_AfterAppUninstalled_OnlyOneSentAfterTheUninstallClearsTheMark()
    {
        await using var host = await SlackHost.StartAsync(_azurite, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = null,
            ["Slack:ClientId"] = "123.456",
            ["Slack:ClientSecret"] = "client-secret",
            ["Slack:TokenEncryptionKey"] = Convert.ToBase64String(new byte[32]),
        });
        await host.Services.GetRequiredService<SlackInstallationService>().SaveAsync(
            new SlackOAuthResult(new SlackTeam(SlackHost.Team), "xoxb-installed-token", "UBOT", "A0TEST", ["chat:write"], "U0ADMIN", false), None);
        var marks = host.Services.GetRequiredService<IPendingUninstallStore>();
        host.Slack.AddUser("U0ALICE");

        await PostAsync(host, At(SlackPayloads.Envelope("Ev0GONE", new JsonObject { ["type"] = "app_uninstalled" }), TimeProvider.System.GetUtcNow()));
        await SlackHost.WaitUntilAsync(async () => await marks.GetAsync("slack", SlackHost.Team, None) is not null, "the uninstall is marked");
        var uninstalledAt = (await marks.GetAsync("slack", SlackHost.Team, None))!.UninstalledAt;

        // A retry of the uninstall event, sent after it: still the uninstall. (Slack's other uninstall event,
        // tokens_revoked, is in the next test: the worker handles it after the acknowledgement, and a late handling
        // after this test's clearing message would mark the workspace again.)
        await PostAsync(host, At(SlackPayloads.Envelope("Ev0GONE", new JsonObject { ["type"] = "app_uninstalled" }), uninstalledAt.AddMinutes(1)));

        // A late retry of a message Slack sent before the uninstall.
        await PostAsync(host, At(SlackPayloads.DirectMessage("Ev0OLD", "U0ALICE", "help"), uninstalledAt.AddMinutes(-2)));

        // The mark is checked before the acknowledgement, so it can be looked at at once.
        Assert.NotNull(await marks.GetAsync("slack", SlackHost.Team, None));

        await PostAsync(host, At(SlackPayloads.DirectMessage("Ev0NEW", "U0ALICE", "help"), uninstalledAt.AddMinutes(2)));

        await SlackHost.WaitUntilAsync(async () => await marks.GetAsync("slack", SlackHost.Team, None) is null, "a message sent after the uninstall clears the mark");
    }

    [Fact]
    public async Task TokensRevoked_SentAfterTheUninstall_NeitherClearsNorMovesTheMark()
    {
        await using var host = await SlackHost.StartAsync(_azurite);
        var marks = host.Services.GetRequiredService<IPendingUninstallStore>();
        var uninstalledAt = TimeProvider.System.GetUtcNow().AddHours(-1);
        await marks.MarkAsync(new PendingUninstall("slack", SlackHost.Team, uninstalledAt), None);

        await PostAsync(host, At(SlackPayloads.Envelope("Ev0REVOKED", new JsonObject
        {
            ["type"] = "tokens_revoked",
            ["tokens"] = new JsonObject { ["bot"] = new JsonArray("UBOT") },
        }), uninstalledAt.AddMinutes(1)));

        // Checked before the acknowledgement: the uninstall event itself is not use of the app.
        Assert.Equal(uninstalledAt, (await marks.GetAsync("slack", SlackHost.Team, None))!.UninstalledAt);
    }

    [Theory]
    [InlineData("app_uninstalled")]
    [InlineData("tokens_revoked")]
    public async Task UninstallEvent_SentBeforeTheWorkspaceInstalledAgain_KeepsTheInstallationAndMarksNothing(string type)
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await SlackHost.StartAsync(
            _azurite,
            new Dictionary<string, string?>
            {
                ["Slack:BotToken"] = null,
                ["Slack:ClientId"] = "123.456",
                ["Slack:ClientSecret"] = "client-secret",
                ["Slack:TokenEncryptionKey"] = Convert.ToBase64String(new byte[32]),
            },
            services => services.AddSingleton<ILoggerProvider>(logs));
        var installations = host.Services.GetRequiredService<SlackInstallationService>();
        await installations.SaveAsync(
            new SlackOAuthResult(new SlackTeam(SlackHost.Team), "xoxb-installed-again", "UBOT", "A0TEST", ["chat:write"], "U0ADMIN", false), None);
        var marks = host.Services.GetRequiredService<IPendingUninstallStore>();
        var uninstall = new JsonObject { ["type"] = type };
        if (type == "tokens_revoked")
        {
            uninstall["tokens"] = new JsonObject { ["bot"] = new JsonArray("UBOT") };
        }

        // The workspace uninstalled ten minutes ago and installed again just now; the inbox worker reaches the old
        // uninstall event only now (a redelivery, or a backlog).
        await PostAsync(host, At(SlackPayloads.Envelope("Ev0LATE", uninstall), TimeProvider.System.GetUtcNow().AddMinutes(-10)));

        await SlackHost.WaitUntilAsync(
            () => Task.FromResult(logs.Lines.Any(l => l.Contains("Ignored a Slack uninstall event", StringComparison.Ordinal))),
            "the worker handles the late uninstall event");
        Assert.NotNull(await host.Services.GetRequiredService<IInstallationStore>().GetAsync(SlackTeam.Channel, SlackHost.Team, None));
        Assert.Null(await marks.GetAsync("slack", SlackHost.Team, None));
    }

    [Fact]
    public async Task Event_OfAnotherWorkspace_LeavesTheMark()
    {
        await using var host = await SlackHost.StartAsync(_azurite);
        var marks = host.Services.GetRequiredService<IPendingUninstallStore>();
        var uninstalledAt = TimeProvider.System.GetUtcNow().AddHours(-1);
        await marks.MarkAsync(new PendingUninstall("slack", "T0GONE", uninstalledAt), None);

        await PostAsync(host, At(SlackPayloads.DirectMessage("Ev0OTHER", "U0ALICE", "help"), uninstalledAt.AddMinutes(30)));
        await host.Slack.WaitForCallAsync("chat.postMessage");
        Assert.NotNull(await marks.GetAsync("slack", "T0GONE", None));

        await PostAsync(host, At(SlackPayloads.DirectMessage("Ev0BACK", "U0BOB", "help", team: "T0GONE"), uninstalledAt.AddMinutes(30)));
        await SlackHost.WaitUntilAsync(async () => await marks.GetAsync("slack", "T0GONE", None) is null, "the workspace's own message clears its mark");
    }

    private static JsonObject At(JsonObject envelope, DateTimeOffset sentAt)
    {
        envelope["event_time"] = sentAt.ToUnixTimeSeconds();
        return envelope;
    }

    private static async Task PostAsync(SlackHost host, JsonObject envelope)
    {
        using var response = await host.PostEventAsync(envelope);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
