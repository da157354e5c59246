using System.Text.Json.Nodes;
using CoachBot.Slack.Api;
using CoachBot.Slack.Inbound;
using CoachBot.Slack.SocketMode;
using CoachBot.Testing;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoachBot.Slack.Tests.SocketMode;

public sealed class SlackSocketModeClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly RecordingDispatcher _dispatcher = new();
    private readonly RecordingLogger<SlackSocketModeClient> _logger = new();
    private readonly Mock<ISlackAppsConnectionsApi> _apps = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly SocketModeStatus _status;
    private FakeSocketModeServer _server = null!;
    private SlackSocketModeClient _client = null!;
    private int _opens;

    public SlackSocketModeClientTests() => _status = new SocketModeStatus(_clock);

    public async Task InitializeAsync()
    {
        _server = await FakeSocketModeServer.StartAsync();
        _apps.Setup(a => a.OpenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() =>
        {
            Interlocked.Increment(ref _opens);
            return _server.Url;
        });
        _client = NewClient();
        await _client.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        // The server goes first, so the client's shutdown is not left waiting for a close answer nobody sends.
        await _server.DisposeAsync();
        await _client.StopAsync(CancellationToken.None);
        _client.Dispose();
    }

    [Fact]
    public async Task An_events_api_envelope_is_dispatched_then_acked_with_its_envelope_id()
    {
        var socket = await ConnectedAsync();

        await socket.SendAsync(Envelope("env-1", "events_api", new JsonObject { ["type"] = "event_callback", ["event_id"] = "Ev1" }, accepts: false));
        var ack = await ReceiveAckAsync(socket);

        Assert.Equal("env-1", ack["envelope_id"]!.GetValue<string>());
        Assert.False(ack.ContainsKey("payload"));
        var dispatched = Assert.Single(_dispatcher.Events);
        Assert.Equal("Ev1", dispatched["event_id"]!.GetValue<string>());
        Assert.Contains(_logger.Records, r => r.Level == LogLevel.Information && r.Message.Contains("connected", StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Records, r => r.Message.Contains(FakeSocketModeServer.Ticket, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slash_command_that_accepts_a_response_payload_gets_the_ack_body()
    {
        _dispatcher.CommandAck = SlackAck.Json(new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Here is your plan" });
        var socket = await ConnectedAsync();

        await socket.SendAsync(Envelope("env-2", "slash_commands", new JsonObject
        {
            ["command"] = "/coach",
            ["text"] = "plan",
            ["team_id"] = "T1",
            ["is_enterprise_install"] = false,
        }, accepts: true));
        var ack = await ReceiveAckAsync(socket);

        Assert.Equal("env-2", ack["envelope_id"]!.GetValue<string>());
        Assert.Equal("Here is your plan", ack["payload"]!["text"]!.GetValue<string>());
        var form = Assert.Single(_dispatcher.Commands);
        Assert.Equal("/coach", form["command"]);
        Assert.Equal("plan", form["text"]);
        Assert.Equal("false", form["is_enterprise_install"]);
    }

    [Fact]
    public async Task An_ack_body_is_left_out_when_the_envelope_does_not_accept_a_payload()
    {
        _dispatcher.InteractionAck = SlackAck.Json(new JsonObject { ["response_action"] = "clear" });
        var socket = await ConnectedAsync();

        await socket.SendAsync(Envelope("env-3", "interactive", new JsonObject { ["type"] = "block_actions" }, accepts: false));
        var ack = await ReceiveAckAsync(socket);

        Assert.Equal("env-3", ack["envelope_id"]!.GetValue<string>());
        Assert.False(ack.ContainsKey("payload"));
        Assert.Equal("block_actions", Assert.Single(_dispatcher.Interactions)["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_disconnect_opens_a_new_connection_before_closing_the_old_one()
    {
        var first = await ConnectedAsync();

        var firstClosed = first.ReceiveAsync();
        await first.SendAsync("""{"type":"disconnect","reason":"refresh_requested"}""");
        var second = await _server.NextConnectionAsync();
        Assert.Null(await firstClosed);
        Assert.Equal(["accepted 1", "accepted 2", "closed 1"], _server.History);
        await second.SendAsync("""{"type":"hello","num_connections":1}""");
        await second.SendAsync(Envelope("env-4", "events_api", new JsonObject { ["event_id"] = "Ev4" }, accepts: false));
        var ack = await ReceiveAckAsync(second);

        Assert.Equal("env-4", ack["envelope_id"]!.GetValue<string>());
        Assert.Equal(2, Volatile.Read(ref _opens));
    }

    [Fact]
    public async Task A_fragmented_envelope_is_reassembled()
    {
        var socket = await ConnectedAsync();
        var text = new string('x', 3000);

        await socket.SendFragmentsAsync(Envelope("env-5", "events_api", new JsonObject { ["event_id"] = "Ev5", ["text"] = text }, accepts: false), 7);
        var ack = await ReceiveAckAsync(socket);

        Assert.Equal("env-5", ack["envelope_id"]!.GetValue<string>());
        Assert.Equal(text, Assert.Single(_dispatcher.Events)["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_oversized_message_is_dropped_and_the_connection_keeps_working()
    {
        var socket = await ConnectedAsync();

        await socket.SendFragmentsAsync(Envelope("env-big", "events_api", new JsonObject { ["event_id"] = "EvBig", ["text"] = new string('y', 20_000) }, accepts: false), 3);
        await socket.SendAsync(Envelope("env-6", "events_api", new JsonObject { ["event_id"] = "Ev6" }, accepts: false));
        var ack = await ReceiveAckAsync(socket);

        Assert.Equal("env-6", ack["envelope_id"]!.GetValue<string>());
        Assert.Equal("Ev6", Assert.Single(_dispatcher.Events)["event_id"]!.GetValue<string>());
        Assert.Contains(_logger.Records, r => r.Level == LogLevel.Warning && r.Message.Contains("over Slack:MaxBodyBytes", StringComparison.Ordinal));
        Assert.Equal(1, Volatile.Read(ref _opens));
    }

    [Fact]
    public async Task Unknown_envelope_types_are_acked_and_logged()
    {
        var socket = await ConnectedAsync();

        await socket.SendAsync(Envelope("env-7", "something_new", new JsonObject(), accepts: false));
        var ack = await ReceiveAckAsync(socket);

        Assert.Equal("env-7", ack["envelope_id"]!.GetValue<string>());
        Assert.Contains(_logger.Records, r => r.Message.Contains("unknown type something_new", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_envelope_the_dispatcher_fails_on_is_not_acked_and_later_ones_still_are()
    {
        var socket = await ConnectedAsync();

        await socket.SendAsync(Envelope("env-fail", "events_api", new JsonObject { ["event_id"] = "boom" }, accepts: false));
        await socket.SendAsync(Envelope("env-8", "events_api", new JsonObject { ["event_id"] = "Ev8" }, accepts: false));
        var ack = await ReceiveAckAsync(socket);

        Assert.Equal("env-8", ack["envelope_id"]!.GetValue<string>());
        Assert.True(await Eventually.HoldsAsync(() => _logger.Records.Any(r => r.Level == LogLevel.Error && r.Message.Contains("env-fail", StringComparison.Ordinal)), Wait));
    }

    [Fact]
    public async Task A_dropped_socket_is_reconnected()
    {
        var first = await ConnectedAsync();

        first.End();
        var second = await _server.NextConnectionAsync();
        await second.SendAsync(Envelope("env-9", "events_api", new JsonObject { ["event_id"] = "Ev9" }, accepts: false));

        Assert.Equal("env-9", (await ReceiveAckAsync(second))["envelope_id"]!.GetValue<string>());
        Assert.Contains(_logger.Records, r => r.Message.Contains("reconnecting in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readiness_follows_the_connection_and_fails_once_it_has_been_down_longer_than_MaxDisconnected()
    {
        var check = new SocketModeReadinessCheck(_status, _clock, Options.Create(new SlackSocketModeOptions { MaxDisconnected = TimeSpan.FromMinutes(2) }));
        var first = await ConnectedAsync();
        await first.SendAsync(Envelope("env-h1", "events_api", new JsonObject { ["event_id"] = "EvH1" }, accepts: false));
        await ReceiveAckAsync(first);
        Assert.Null(_status.DownSince);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        // The socket drops; the client reconnects, but Slack sends no hello on the new socket yet: still down.
        first.End();
        var second = await _server.NextConnectionAsync();
        Assert.True(await Eventually.HoldsAsync(() => _status.DownSince is not null, Wait));
        Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        _clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var down = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Contains("Slack:SocketMode:MaxDisconnected", down.Description, StringComparison.Ordinal);

        await second.SendAsync("""{"type":"hello","num_connections":1}""");
        await second.SendAsync(Envelope("env-h2", "events_api", new JsonObject { ["event_id"] = "EvH2" }, accepts: false));
        await ReceiveAckAsync(second);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task Stopping_the_host_closes_the_socket_with_a_close_handshake()
    {
        var socket = await ConnectedAsync();
        await socket.SendAsync(Envelope("env-10", "events_api", new JsonObject { ["event_id"] = "Ev10" }, accepts: false));
        Assert.Equal("env-10", (await ReceiveAckAsync(socket))["envelope_id"]!.GetValue<string>());

        var stopping = _client.StopAsync(CancellationToken.None);

        Assert.Null(await socket.ReceiveAsync());
        await stopping;
        Assert.True(_client.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Contains(_logger.Records, r => r.Message.Contains("stopped; the socket is closed", StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Records, r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Stopping_the_host_while_an_ack_is_still_being_written_sends_the_whole_ack_then_closes()
    {
        // Far larger than loopback socket buffers, so the client's write is still under way when the host stops.
        var big = new string('z', 24 * 1024 * 1024);
        _dispatcher.CommandAck = SlackAck.Json(new JsonObject { ["text"] = big });
        var socket = await ConnectedAsync();
        await socket.SendAsync(Envelope("env-12", "slash_commands", new JsonObject { ["command"] = "/coach", ["text"] = "plan" }, accepts: true));
        while (_dispatcher.Commands.IsEmpty)
        {
            await Task.Delay(10);
        }

        var stopping = _client.StopAsync(CancellationToken.None);

        var ack = await ReceiveAckAsync(socket);
        Assert.Equal("env-12", ack["envelope_id"]!.GetValue<string>());
        Assert.Equal(big.Length, ack["payload"]!["text"]!.GetValue<string>().Length);
        Assert.Null(await socket.ReceiveAsync());
        await stopping;
        Assert.DoesNotContain(_logger.Records, r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_failed_apps_connections_open_is_retried_after_a_backoff()
    {
        var apps = new Mock<ISlackAppsConnectionsApi>();
        apps.SetupSequence(a => a.OpenAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SlackApiException("apps.connections.open", "invalid_auth", "apps.connections.open failed: invalid_auth"))
            .ReturnsAsync(_server.Url);
        var first = await _server.NextConnectionAsync();
        var firstClosed = first.ReceiveAsync();
        await _client.StopAsync(CancellationToken.None);
        Assert.Null(await firstClosed);
        using var client = NewClient(apps.Object);

        await client.StartAsync(CancellationToken.None);
        var socket = await _server.NextConnectionAsync();
        await socket.SendAsync(Envelope("env-11", "events_api", new JsonObject { ["event_id"] = "Ev11" }, accepts: false));

        Assert.Equal("env-11", (await ReceiveAckAsync(socket))["envelope_id"]!.GetValue<string>());
        Assert.Contains(_logger.Records, r => r.Level == LogLevel.Warning && r.Message.Contains("invalid_auth", StringComparison.Ordinal)
            && r.Message.Contains("Slack:AppToken", StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Records, r => r.Message.Contains("xapp-1-secret", StringComparison.Ordinal));
        var closed = socket.ReceiveAsync();
        await client.StopAsync(CancellationToken.None);
        Assert.Null(await closed);
    }

    private SlackSocketModeClient NewClient(ISlackAppsConnectionsApi? apps = null)
    {
        var api = new Mock<ISlackApiClient>();
        api.SetupGet(a => a.AppsConnections).Returns(apps ?? _apps.Object);
        return new SlackSocketModeClient(
            api.Object,
            _dispatcher,
            Options.Create(new SlackOptions { AppToken = "xapp-1-secret", MaxBodyBytes = 8192 }),
            Options.Create(new SlackSocketModeOptions { MinReconnectDelay = TimeSpan.FromMilliseconds(50), MaxReconnectDelay = TimeSpan.FromMilliseconds(200) }),
            TimeProvider.System,
            _status,
            _logger);
    }

    private async Task<ServerSocket> ConnectedAsync()
    {
        var socket = await _server.NextConnectionAsync();
        await socket.SendAsync("""{"type":"hello","num_connections":1,"connection_info":{"app_id":"A1"}}""");
        return socket;
    }

    private static async Task<JsonObject> ReceiveAckAsync(ServerSocket socket)
    {
        var text = await socket.ReceiveAsync();
        Assert.NotNull(text);
        return Assert.IsType<JsonObject>(JsonNode.Parse(text));
    }

    private static string Envelope(string id, string type, JsonObject payload, bool accepts) => new JsonObject
    {
        ["envelope_id"] = id,
        ["type"] = type,
        ["payload"] = payload,
        ["accepts_response_payload"] = accepts,
        ["retry_attempt"] = 0,
    }.ToJsonString();
}
