using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Core.Installations;
using CoachBot.Slack.Api;
using CoachBot.Slack.Install;
using CoachBot.Slack.Tests.SocketMode;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>The Slack edge as configured: off in local mode, over Socket Mode with an app token, and uninstalls.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackHostModesTests
{
    private readonly AzuriteFixture _azurite;

    public SlackHostModesTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task WithoutASigningSecret_TheSlackEndpointsDoNotExist()
    {
        await using var host = await SlackHost.StartAsync(_azurite, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = null, ["Slack:BotToken"] = null, ["Local:Enabled"] = "true", ["Local:AutostartAzurite"] = "false",
        });

        foreach (var path in new[] { "/slack/events", "/slack/commands", "/slack/interactions" })
        {
            using var response = await host.SendAsync(path, "{}"u8.ToArray(), "application/json");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]

    [Trait("Category", "Slow")]
    public async Task SocketMode_EventsEnvelope_IsAckedWithItsId_AndAnswered()
    {
        await using var server = await FakeSocketModeServer.StartAsync();
        await using var host = await SlackHost.StartAsync(_azurite, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = null, ["Slack:AppToken"] = "xapp-1-test-app-token",
        });
        host.Slack.SocketUrl = server.Url;
        host.Slack.AddUser("U0SOCK", tz: "Europe/Paris");
        _ = host.Client; // the host starts with its first client, and the Socket Mode client with it

        var socket = await server.NextConnectionAsync();
        await socket.SendAsync("""{"type":"hello","num_connections":1}""");
        var envelope = new JsonObject
        {
            ["envelope_id"] = "env-dm-1",
            ["type"] = "events_api",
            ["accepts_response_payload"] = false,
            ["retry_attempt"] = 0,
            ["payload"] = SlackPayloads.DirectMessage("Ev0SOCK", "U0SOCK", "help", channel: "D0SOCK"),
        };
        await socket.SendAsync(envelope.ToJsonString());

        var ack = JsonNode.Parse((await socket.ReceiveAsync())!)!;
        Assert.Equal("env-dm-1", (string?)ack["envelope_id"]);
        var post = await host.Slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal("D0SOCK", (string?)post.Body["channel"]);
        Assert.Equal(SlackHost.Token, post.Token);
    }

    [Fact]
    public async Task AppUninstalled_RemovesTheInstallation_AndSendingStops()
    {
        await using var host = await SlackHost.StartAsync(_azurite, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = null,
            ["Slack:ClientId"] = "123.456",
            ["Slack:ClientSecret"] = "client-secret",
            ["Slack:TokenEncryptionKey"] = Convert.ToBase64String(new byte[32]),
        });
        var installations = host.Services.GetRequiredService<SlackInstallationService>();
        await installations.SaveAsync(new SlackOAuthResult(new SlackTeam(SlackHost.Team), "xoxb-installed-token", "UBOT", "A0TEST", ["chat:write"], "U0ADMIN", false), CancellationToken.None);
        host.Slack.AddUser("U0ALICE");
        await host.PostEventAsync(SlackPayloads.DirectMessage("Ev0BEFORE", "U0ALICE", "help"));
        Assert.Equal("xoxb-installed-token", (await host.Slack.WaitForCallAsync("chat.postMessage")).Token);

        // Sent now, after the installation above (an uninstall event older than the installation is ignored).
        var gone = SlackPayloads.Envelope("Ev0GONE", new JsonObject { ["type"] = "app_uninstalled" });
        gone["event_time"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        await host.PostEventAsync(gone);

        var store = host.Services.GetRequiredService<IInstallationStore>();
        await SlackHost.WaitUntilAsync(async () => await store.GetAsync("slack", SlackHost.Team, CancellationToken.None) is null, "the installation is gone");
        var sender = host.Services.GetRequiredService<SlackChannelSender>();
        var refused = await Assert.ThrowsAsync<SlackApiException>(() =>
            sender.SendAsync(new SlackTeam(SlackHost.Team).User("U0ALICE"), Core.Conversation.Reply.Plain("nudge"), CancellationToken.None));
        Assert.True(refused.IsPermanent);
    }
}
