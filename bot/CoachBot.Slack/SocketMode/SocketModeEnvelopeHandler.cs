using System.Text.Json.Nodes;
using CoachBot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.SocketMode;

/// <summary>
/// Turns one Socket Mode envelope into a dispatcher call and the ack to send back on the same socket:
/// <c>{"envelope_id": ..., "payload"?: ack body}</c>, the payload only when the ack has a body and the envelope
/// <c>accepts_response_payload</c>. Unknown envelope types are acked and logged.
/// </summary>
internal sealed class SocketModeEnvelopeHandler
{
    private readonly ISlackInboundDispatcher _dispatcher;
    private readonly ILogger _logger;

    public SocketModeEnvelopeHandler(ISlackInboundDispatcher dispatcher, ILogger logger)
    {
        _dispatcher = dispatcher;
        _logger = logger;
    }

    /// <summary>The ack JSON, or null when nothing must be sent (no envelope id, or the dispatcher failed so Slack retries).</summary>
    public async Task<string?> HandleAsync(JsonObject envelope, string type, CancellationToken cancellationToken)
    {
        var envelopeId = (envelope["envelope_id"] as JsonValue)?.TryGetValue<string>(out var id) == true ? id : null;
        if (string.IsNullOrEmpty(envelopeId))
        {
            _logger.LogWarning("Socket Mode message of type {Type} has no envelope_id; ignored.", type);
            return null;
        }

        var payload = envelope["payload"] as JsonObject;
        SlackAck ack;
        try
        {
            ack = await DispatchAsync(type, payload, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(
                "Socket Mode envelope {EnvelopeId} ({Type}) failed in the dispatcher ({ExceptionType}); not acked, so Slack retries it.",
                envelopeId,
                type,
                ex.GetType().Name);
            return null;
        }

        if (ack.StatusCode >= 400)
        {
            _logger.LogWarning(
                "Socket Mode envelope {EnvelopeId} ({Type}) was refused: {Problem}", envelopeId, type, ack.Problem ?? ack.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var reply = new JsonObject { ["envelope_id"] = envelopeId };
        var acceptsPayload = (envelope["accepts_response_payload"] as JsonValue)?.TryGetValue<bool>(out var accepts) == true && accepts;
        if (ack.StatusCode < 400 && ack.Body is not null && acceptsPayload)
        {
            reply["payload"] = ack.Body.DeepClone();
        }

        return reply.ToJsonString(SlackJson.Options);
    }

    private Task<SlackAck> DispatchAsync(string type, JsonObject? payload, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case "events_api" when payload is not null:
                return _dispatcher.DispatchEventAsync(payload, cancellationToken);
            case "interactive" when payload is not null:
                return _dispatcher.DispatchInteractionAsync(payload, cancellationToken);
            case "slash_commands" when payload is not null:
                return _dispatcher.DispatchCommandAsync(ToForm(payload), cancellationToken);
            case "events_api" or "interactive" or "slash_commands":
                _logger.LogWarning("Socket Mode {Type} envelope has no payload object; acked and dropped.", type);
                return Task.FromResult(SlackAck.Empty);
            default:
                _logger.LogWarning("Socket Mode envelope of unknown type {Type}; acked and dropped.", type);
                return Task.FromResult(SlackAck.Empty);
        }
    }

    /// <summary>A slash command payload as form fields: strings as they are, anything else as its JSON text.</summary>
    internal static Dictionary<string, string> ToForm(JsonObject payload)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in payload)
        {
            form[name] = value switch
            {
                null => string.Empty,
                JsonValue v when v.TryGetValue<string>(out var text) => text,
                _ => value.ToJsonString(),
            };
        }

        return form;
    }
}
