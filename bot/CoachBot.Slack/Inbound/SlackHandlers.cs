using System.Text.Json.Nodes;

namespace CoachBot.Slack.Inbound;

/// <summary>Handles one Events API event type (e.g. <c>message</c>), after the event was recorded once in the ledger.</summary>
public interface ISlackEventSubscriber
{
    /// <summary>The <c>event.type</c> this handler takes.</summary>
    string EventType { get; }

    Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken);
}

/// <summary>Handles a <c>block_actions</c> payload while Slack waits; slow work may continue after the ack.</summary>
public interface ISlackBlockActionHandler
{
    Task<SlackAck> HandleAsync(SlackTeam team, JsonObject payload, CancellationToken cancellationToken);
}

/// <summary>Handles a <c>view_submission</c> while Slack waits; the ack may carry <c>response_action</c>.</summary>
public interface ISlackViewSubmissionHandler
{
    Task<SlackAck> HandleAsync(SlackTeam team, JsonObject payload, CancellationToken cancellationToken);
}

/// <summary>Handles a slash command while Slack waits (3 s); the ack may carry the answer.</summary>
public interface ISlackSlashCommandHandler
{
    Task<SlackAck> HandleAsync(SlackCommand command, CancellationToken cancellationToken);
}

/// <summary>An event from the Events API: the inner <c>event</c> object and its envelope's ids.</summary>
public sealed record SlackEvent(SlackTeam Team, string EventId, string Type, JsonObject Body)
{
    /// <summary>
    /// True when an earlier attempt at this event may have done part of the work (it failed or its worker died):
    /// posts look for their own earlier copy before posting.
    /// </summary>
    public bool Resumed { get; init; }

    /// <summary>When Slack says it sent the event (the envelope's <c>event_time</c>), or null when it did not say.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>A string field of the event, or null.</summary>
    public string? Field(string name) => SlackPayload.Text(Body, name);
}

/// <summary>A slash command's fields.</summary>
public sealed record SlackCommand(SlackTeam Team, string UserId, string ChannelId, string Command, string Text, Uri? ResponseUrl, string? TriggerId);

/// <summary>Null-safe reads of Slack JSON payloads (they are untrusted input: any field may be missing or odd).</summary>
public static class SlackPayload
{
    /// <summary>The string at a dotted path, e.g. <c>team.id</c>, or null.</summary>
    public static string? Text(JsonObject? json, string path)
    {
        JsonNode? node = json;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var next) ? next : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
    }

    /// <summary>The object at a dotted path, or null.</summary>
    public static JsonObject? Child(JsonObject? json, string path)
    {
        JsonNode? node = json;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var next) ? next : null;
        }

        return node as JsonObject;
    }

    /// <summary>
    /// The team of an interaction payload (<c>team.id</c> / <c>enterprise.id</c>, falling back to the user's team), or
    /// null when it is missing or not a Slack id.
    /// </summary>
    public static SlackTeam? TeamOf(JsonObject payload) =>
        (Id(payload, "team.id") ?? Id(payload, "user.team_id")) is { } team
            ? new SlackTeam(team, Id(payload, "enterprise.id"))
            : null;

    /// <summary>The Slack id (team, user, channel, enterprise, event) at a dotted path, or null when it is not one.</summary>
    public static string? Id(JsonObject? json, string path) => Text(json, path) is { } text && IsId(text) ? text : null;

    /// <summary>
    /// True for what Slack uses as ids and trigger ids: letters, digits, <c>.</c>, <c>_</c> and <c>-</c>, at most 255
    /// characters. Blank, CR/LF or oversized ids are refused at the edge: they would reach storage keys, logs and
    /// Web API calls.
    /// </summary>
    public static bool IsId(string? text) =>
        text is { Length: > 0 and <= 255 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>A URL field that is an absolute https URL (or http on loopback, for tests), else null.</summary>
    public static Uri? HttpsUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            ? url
            : null;
}
