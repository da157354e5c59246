using System.Text.Json.Nodes;
using System.Threading.Channels;
using CoachBot.Core.Delivery;
using CoachBot.Core.Installations;
using CoachBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Acks every verified Slack request within Slack's 3 s. Events are written to the durable inbox (insert-only by
/// event id, so retries add nothing) and processed by <see cref="SlackInboxWorker"/> after the ack. Slash commands,
/// button presses and modal submissions run here, within a budget, because their answer (the ack body, a modal
/// opened with a short-lived trigger id, response_action errors) is due in the ack; Slack does not retry them.
/// </summary>
public sealed class SlackInboundDispatcher : ISlackInboundDispatcher
{
    /// <summary>The inbox's channel name for Slack items.</summary>
    public const string InboxChannel = SlackTeam.Channel;

    /// <summary>Longest slash command name Slack allows (32) with room to spare.</summary>
    private const int MaxCommandLength = 64;

    private readonly IInbox _inbox;
    private readonly SlackInboxSignal _signal;
    private readonly ISlackSlashCommandHandler _commands;
    private readonly ISlackViewSubmissionHandler _submissions;
    private readonly ISlackBlockActionHandler _actions;
    private readonly IDeliveryLedger _ledger;
    private readonly UninstallMarks _uninstalls;
    private readonly ILogger<SlackInboundDispatcher> _logger;

    public SlackInboundDispatcher(
        IInbox inbox,
        SlackInboxSignal signal,
        ISlackSlashCommandHandler commands,
        ISlackViewSubmissionHandler submissions,
        ISlackBlockActionHandler actions,
        IDeliveryLedger ledger,
        UninstallMarks uninstalls,
        ILogger<SlackInboundDispatcher> logger)
    {
        _ledger = ledger;
        _uninstalls = uninstalls;
        _inbox = inbox;
        _signal = signal;
        _commands = commands;
        _submissions = submissions;
        _actions = actions;
        _logger = logger;
    }

    public async Task<SlackAck> DispatchEventAsync(JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        switch (SlackPayload.Text(body, "type"))
        {
            case "url_verification":
                return SlackPayload.Text(body, "challenge") is { } challenge
                    ? SlackAck.Json(new JsonObject { ["challenge"] = challenge })
                    : SlackAck.BadRequest("url_verification needs a challenge.");
            case "event_callback":
                if (SlackPayload.Id(body, "event_id") is not { } eventId || SlackPayload.Child(body, "event") is null
                    || SlackPayload.Id(body, "team_id") is null)
                {
                    return SlackAck.BadRequest("event_callback needs an event_id and a team_id (Slack ids: letters and digits) and an event object.");
                }

                await NoteEventAsync(body, cancellationToken);
                return await EnqueueAsync(eventId, "event", body, cancellationToken);
            default:
                // Slack may add envelope types (app_rate_limited, ...): acknowledge and move on.
                _logger.LogInformation("Ignored a Slack Events API body of type {Type}", SlackPayload.Text(body, "type") ?? "(none)");
                return SlackAck.Empty;
        }
    }

    public async Task<SlackAck> DispatchCommandAsync(IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.TryGetValue("ssl_check", out var ssl) && ssl == "1")
        {
            return SlackAck.Empty;
        }

        string? Field(string name) => form.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        string? Id(string name) => Field(name) is { } value && SlackPayload.IsId(value) ? value : null;
        if (Id("team_id") is not { } team || Id("user_id") is not { } user || Id("channel_id") is not { } channel
            || Field("command") is not { Length: <= MaxCommandLength } command || !command.StartsWith('/'))
        {
            return SlackAck.BadRequest(
                "A slash command needs team_id, user_id and channel_id (Slack ids: letters and digits) and a command starting with '/'.");
        }

        // An odd enterprise or trigger id is dropped rather than refused: the command still works without them. The
        // manifest asks Slack to escape the text, so `#team-a` and `@bob` arrive as ids (<#C123|team-a>, <@U123|bob>),
        // which become #C123 and @U123 here, as they do in messages.
        var slash = new SlackCommand(
            new SlackTeam(team, Id("enterprise_id")), user, channel, command, SlackText.Plain(Field("text")),
            SlackPayload.HttpsUrl(Field("response_url")), Id("trigger_id"));
        await NoteActivityAsync(slash.Team, sentAt: null, cancellationToken);
        return await IsRepeatAsync("command", slash.TriggerId, cancellationToken)
            ? SlackAck.Empty
            : await _commands.HandleAsync(slash, cancellationToken);
    }

    public async Task<SlackAck> DispatchInteractionAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var type = SlackPayload.Text(payload, "type");
        if (type == "view_closed")
        {
            return SlackAck.Empty;
        }

        if (SlackPayload.TeamOf(payload) is not { } team || SlackPayload.Id(payload, "user.id") is null)
        {
            return SlackAck.BadRequest("An interaction payload needs team.id and user.id as Slack ids (letters and digits).");
        }

        await NoteActivityAsync(team, sentAt: null, cancellationToken);

        if (type is "view_submission" or "block_actions" && await IsRepeatAsync(type, SlackPayload.Id(payload, "trigger_id"), cancellationToken))
        {
            return SlackAck.Empty;
        }

        switch (type)
        {
            case "view_submission":
                return await _submissions.HandleAsync(team, payload, cancellationToken);
            case "block_actions":
                if (payload["actions"] is not JsonArray { Count: > 0 } actions || actions[0] is not JsonObject action
                    || SlackPayload.Text(action, "action_id") is null)
                {
                    return SlackAck.BadRequest("block_actions needs at least one action with an action_id.");
                }

                // Buttons run while Slack waits: a button that leads to a form must open it with this trigger id,
                // which dies within 3 s. Slow work continues after the ack (see SlackBlockActionHandler).
                return await _actions.HandleAsync(team, payload, cancellationToken);
            default:
                return SlackAck.BadRequest($"CoachBot does not handle '{type ?? "(none)"}' interactions; it handles block_actions, view_submission and view_closed.");
        }
    }

    /// <summary>
    /// True when this trigger id was handled before: Socket Mode re-delivers an envelope whose ack it missed, and a
    /// proxy may replay a request. Each command, button press and submission has its own single-use trigger id, so
    /// it is recorded once in the insert-only ledger. Without storage the request is handled anyway (answering beats
    /// deduplicating). See ADR 0018 for the bound when a replica dies between the record and the answer.
    /// </summary>
    private async Task<bool> IsRepeatAsync(string kind, string? triggerId, CancellationToken cancellationToken)
    {
        if (triggerId is null)
        {
            return false;
        }

        try
        {
            if (await _ledger.TryRecordAsync($"slack:{kind}:{triggerId}", cancellationToken))
            {
                return false;
            }
        }
        catch (StoreUnavailableException ex)
        {
            _logger.LogWarning(ex, "Storage unavailable: Slack {Kind} handled without the duplicate check", kind);
            return false;
        }

        _logger.LogInformation("Slack delivered a {Kind} with trigger {TriggerId} again; it was handled once, the copy is acked", kind, triggerId);
        return true;
    }

    /// <summary>
    /// A verified event of a workspace uninstalled within the grace period clears its mark (ADR 0021), when Slack sent
    /// it after the uninstall: a late retry of an event from before keeps the mark, and so do the uninstall events
    /// themselves. An event without <c>event_time</c> proves nothing and clears nothing.
    /// </summary>
    private Task NoteEventAsync(JsonObject body, CancellationToken cancellationToken)
    {
        if (SlackPayload.Text(body, "event.type") is "app_uninstalled" or "tokens_revoked")
        {
            return Task.CompletedTask;
        }

        var sentAt = body["event_time"] is JsonValue value && value.TryGetValue<long>(out var seconds) && seconds > 0
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
        return NoteActivityAsync(new SlackTeam(SlackPayload.Id(body, "team_id")!, SlackPayload.Id(body, "enterprise_id")), sentAt, cancellationToken);
    }

    private async Task NoteActivityAsync(SlackTeam team, DateTimeOffset? sentAt, CancellationToken cancellationToken)
    {
        try
        {
            await _uninstalls.NoteTenantActivityAsync(SlackTeam.Channel, team.TenantId, sentAt, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            // The request is still handled; the next activity of the workspace clears the mark.
            _logger.LogWarning(ex, "Storage unavailable: a Slack workspace's uninstall mark was not checked this time");
        }
    }

    private async Task<SlackAck> EnqueueAsync(string id, string kind, JsonObject body, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString(SlackJson.Options);
        if (json.Length > _inbox.MaxPayloadLength)
        {
            return new SlackAck(413, null, $"The payload is longer than the {_inbox.MaxPayloadLength} characters CoachBot keeps.");
        }

        try
        {
            if (await _inbox.TryEnqueueAsync(InboxChannel, id, kind, json, cancellationToken))
            {
                _signal.Notify(id);
            }
            else
            {
                _logger.LogInformation("Slack sent {Kind} {Id} again while it was still waiting; kept one", kind, id);
            }

            return SlackAck.Empty;
        }
        catch (StoreUnavailableException ex)
        {
            // Answering 503 makes Slack retry the event later, so nothing is lost while storage is away.
            _logger.LogWarning(ex, "Storage unavailable: Slack {Kind} {Id} not taken; Slack will retry", kind, id);
            return new SlackAck(503, null, "Storage is unavailable; retry later.");
        }
    }
}

/// <summary>Wakes the inbox worker as soon as an item is enqueued on this replica.</summary>
public sealed class SlackInboxSignal
{
    private readonly Channel<string> _ids = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Item ids enqueued here, in order; dropped ones are found by the worker's sweep.</summary>
    public ChannelReader<string> Reader => _ids.Reader;

    public void Notify(string id) => _ids.Writer.TryWrite(id);
}
