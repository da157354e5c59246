using System.Text.Json.Nodes;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Where every verified Slack request goes, whichever way it arrived (HTTP endpoints or Socket Mode): the same
/// dedupe, hand-off and handlers. Callers authenticate first; the dispatcher trusts its input's origin but not its
/// shape.
/// </summary>
public interface ISlackInboundDispatcher
{
    /// <summary>An Events API body (<c>event_callback</c>, <c>url_verification</c>, ...).</summary>
    Task<SlackAck> DispatchEventAsync(JsonObject body, CancellationToken cancellationToken);

    /// <summary>A slash command's form fields.</summary>
    Task<SlackAck> DispatchCommandAsync(IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken);

    /// <summary>An interactivity payload (<c>block_actions</c>, <c>view_submission</c>, <c>view_closed</c>).</summary>
    Task<SlackAck> DispatchInteractionAsync(JsonObject payload, CancellationToken cancellationToken);
}

/// <summary>
/// What to answer Slack: HTTP status and an optional JSON body (the slash command's message, a view submission's
/// <c>response_action</c>, the url_verification challenge). Socket Mode sends <see cref="Body"/> as the ack payload.
/// </summary>
public sealed record SlackAck(int StatusCode, JsonObject? Body = null, string? Problem = null)
{
    /// <summary>200 with no body.</summary>
    public static SlackAck Empty { get; } = new(200);

    /// <summary>200 with a JSON body.</summary>
    public static SlackAck Json(JsonObject body) => new(200, body);

    /// <summary>400 with a message saying what was wrong.</summary>
    public static SlackAck BadRequest(string problem) => new(400, null, problem);
}
