using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Slack.Api;
using CoachBot.Slack.Inbound;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.SocketMode;

/// <summary>
/// Receives Slack events, interactions and slash commands over Socket Mode (register only with
/// <see cref="SlackOptions.AppToken"/>): opens a URL with apps.connections.open, hands every envelope to
/// <see cref="ISlackInboundDispatcher"/> and acks it on the same socket. On <c>disconnect</c> it connects anew first
/// and then closes the old socket; a dropped socket or failed open is retried with capped, jittered backoff. The app
/// token and the URL (its ticket) are never logged.
/// </summary>
public sealed partial class SlackSocketModeClient : BackgroundService
{
    private readonly ISlackApiClient _slack;
    private readonly SocketModeEnvelopeHandler _envelopes;
    private readonly SlackSocketModeOptions _options;
    private readonly int _maxMessageBytes;
    private readonly TimeProvider _time;
    private readonly SocketModeStatus _status;
    private readonly ILogger<SlackSocketModeClient> _logger;

    public SlackSocketModeClient(
        ISlackApiClient slack,
        ISlackInboundDispatcher dispatcher,
        IOptions<SlackOptions> slackOptions,
        IOptions<SlackSocketModeOptions> options,
        TimeProvider time,
        SocketModeStatus status,
        ILogger<SlackSocketModeClient> logger)
    {
        ArgumentNullException.ThrowIfNull(slackOptions);
        ArgumentNullException.ThrowIfNull(options);
        _slack = slack;
        _envelopes = new SocketModeEnvelopeHandler(dispatcher, logger);
        _options = options.Value;
        _maxMessageBytes = slackOptions.Value.MaxBodyBytes;
        _time = time;
        _status = status;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        SocketModeConnection? next = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var connection = next ?? await TryConnectAsync(stoppingToken);
            next = null;
            if (connection is null)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                failures++;
                await BackoffAsync(failures, stoppingToken);
                continue;
            }

            var session = new Session(this, connection);
            try
            {
                next = await session.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogError("Socket Mode: the connection failed unexpectedly ({ExceptionType}); reconnecting.", ex.GetType().Name);
            }
            finally
            {
                await session.EndAsync();
            }

            if (!stoppingToken.IsCancellationRequested)
            {
                _status.Ended(replaced: next is not null);
            }

            failures = session.SawHello ? 0 : failures;
            if (next is null && !stoppingToken.IsCancellationRequested)
            {
                failures++;
                await BackoffAsync(failures, stoppingToken);
            }
        }

        if (next is not null)
        {
            await next.DisposeAsync();
        }
    }

    private async Task<SocketModeConnection?> TryConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var url = await _slack.AppsConnections.OpenAsync(cancellationToken);

            // A handshake already under way when the host stops is allowed to finish (within the drain timeout), so
            // the socket can then be closed politely instead of being torn down half open.
            using var connectCts = new CancellationTokenSource();
            using var onStop = cancellationToken.Register(() => connectCts.CancelAfter(_options.DrainTimeout));
            var connection = await SocketModeConnection.ConnectAsync(url, _maxMessageBytes, connectCts.Token);
            if (!cancellationToken.IsCancellationRequested)
            {
                return connection;
            }

            await connection.CloseAsync(_options.DrainTimeout, _time);
            await connection.DisposeAsync();
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (SlackApiException ex)
        {
            _logger.LogWarning("Socket Mode: apps.connections.open failed ({Error}); check Slack:AppToken (an xapp- token with connections:write). Retrying.", ex.Error);
            return null;
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
        {
            _logger.LogWarning("Socket Mode: could not connect to Slack ({ExceptionType}); retrying.", ex.GetType().Name);
            return null;
        }
    }

    private async Task BackoffAsync(int failures, CancellationToken cancellationToken)
    {
        var delay = ReconnectDelay(failures, _options.MinReconnectDelay, _options.MaxReconnectDelay, Random.Shared.NextDouble());
        _logger.LogInformation("Socket Mode: reconnecting in {Delay} (attempt {Attempt}).", delay, failures);
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>min * 2^(failures-1), capped at max, then scaled by 0.5 + jitter/2 (jitter in [0, 1)).</summary>
    internal static TimeSpan ReconnectDelay(int failures, TimeSpan min, TimeSpan max, double jitter)
    {
        var exponent = Math.Clamp(failures - 1, 0, 20);
        var capped = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Math.Clamp(jitter, 0, 1) / 2)));
    }

    private static string? TypeOf(JsonObject message) =>
        (message["type"] as JsonValue)?.TryGetValue<string>(out var type) == true ? type : null;

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
