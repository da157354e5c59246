using System.Text.Json.Nodes;
using CoachBot.Slack.Tests.Edge;
using CoachBot.Slack.Tests.SocketMode;
using CoachBot.Testing;

namespace CoachBot.Slack.Tests.AtLeastOnce;

/// <summary>
/// A slash command, a button press or a modal submission that reaches CoachBot twice (Socket Mode re-delivers an
/// envelope whose ack it missed; a proxy may replay a request) is handled once: the copy gets an empty ack.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackRedeliveryTests
{
    private const string User = "U0ALICE";

    private readonly AzuriteFixture _azurite;

    public SlackRedeliveryTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task SlashCommand_SameTriggerIdTwice_IsAnsweredOnce()
    {
        await using var host = await SlackHost.StartAsync(_azurite);
        host.Slack.AddUser(User);
        var form = SlackPayloads.Command(User, "help", host.Slack.ResponseUrl("twice").ToString(), triggerId: "13345224609.1.twice");

        using var first = await host.PostCommandAsync(form);
        using var copy = await host.PostCommandAsync(form);

        Assert.True(first.IsSuccessStatusCode);
        Assert.NotEmpty(await first.Content.ReadAsStringAsync());
        Assert.True(copy.IsSuccessStatusCode);
        Assert.Empty(await copy.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BlockAction_SameTriggerIdTwice_RunsOnce()
    {
        await using var host = await SlackHost.StartAsync(_azurite);
        host.Slack.AddUser(User);
        var press = SlackPayloads.BlockAction(User, "command.run|0", "{\"text\":\"help\"}", host.Slack.ResponseUrl("press").ToString());

        using var first = await host.PostInteractionAsync(press);
        await host.Slack.WaitForCallAsync("response_url:press");
        using var copy = await host.PostInteractionAsync(press);
        using var other = await host.PostInteractionAsync(SlackPayloads.BlockAction(User, "command.run|0", "{\"text\":\"help\"}", host.Slack.ResponseUrl("other").ToString()));
        await host.Slack.WaitForCallAsync("response_url:other");

        Assert.True(copy.IsSuccessStatusCode);
        Assert.Single(host.Slack.CallsTo("response_url:press"));
    }

    [Fact]

    [Trait("Category", "Slow")]
    public async Task SocketMode_SlashCommandRedelivered_IsAckedTwiceAndAnsweredOnce()
    {
        await using var server = await FakeSocketModeServer.StartAsync();
        await using var host = await SlackHost.StartAsync(_azurite, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = null, ["Slack:AppToken"] = "xapp-1-test-app-token",
        });
        host.Slack.SocketUrl = server.Url;
        host.Slack.AddUser(User);
        _ = host.Client;
        var socket = await server.NextConnectionAsync();
        await socket.SendAsync("""{"type":"hello","num_connections":1}""");
        var command = new JsonObject();
        foreach (var (key, value) in SlackPayloads.Command(User, "help", host.Slack.ResponseUrl("sock").ToString(), triggerId: "13345224609.2.sock"))
        {
            command[key] = value;
        }

        JsonNode? Envelope(int attempt) => new JsonObject
        {
            ["envelope_id"] = "env-cmd-1",
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["retry_attempt"] = attempt,
            ["retry_reason"] = attempt == 0 ? null : "timeout",
            ["payload"] = command.DeepClone(),
        };

        await socket.SendAsync(Envelope(0)!.ToJsonString());
        var firstAck = JsonNode.Parse((await socket.ReceiveAsync())!)!;
        await socket.SendAsync(Envelope(1)!.ToJsonString());
        var secondAck = JsonNode.Parse((await socket.ReceiveAsync())!)!;

        Assert.Equal("env-cmd-1", (string?)firstAck["envelope_id"]);
        Assert.NotNull(firstAck["payload"]);
        Assert.Equal("env-cmd-1", (string?)secondAck["envelope_id"]);
        Assert.Null(secondAck["payload"]);
    }
}
