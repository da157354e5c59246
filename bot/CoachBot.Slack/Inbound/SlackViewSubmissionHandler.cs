using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Slack.Api;
using CoachBot.Slack.BlockKit;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// A submitted modal: its inputs go to the Core as the form's action. A rejected input comes back as
/// <c>response_action: errors</c> next to the field (the modal stays open, nothing saved); a different follow-up form
/// replaces the modal; otherwise the modal closes and the answer goes where the form was opened from.
/// </summary>
public sealed class SlackViewSubmissionHandler : ISlackViewSubmissionHandler
{
    private readonly SlackConversation _conversation;
    private readonly IBlockKitRenderer _renderer;
    private readonly SlackAckBudget _budget;
    private readonly SlackHomeRefresher _home;
    private readonly ISlackApiClient _api;

    public SlackViewSubmissionHandler(
        SlackConversation conversation, IBlockKitRenderer renderer, SlackAckBudget budget, SlackHomeRefresher home, ISlackApiClient api)
    {
        _conversation = conversation;
        _renderer = renderer;
        _budget = budget;
        _home = home;
        _api = api;
    }

    public async Task<SlackAck> HandleAsync(SlackTeam team, JsonObject payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(payload);
        if (SlackPayload.Child(payload, "view") is not { } view || SlackPayload.Text(view, "callback_id") is not { } callbackId)
        {
            return SlackAck.BadRequest("view_submission needs a view with a callback_id.");
        }

        var userId = SlackPayload.Text(payload, "user.id")!;
        var values = SlackPayload.Child(view, "state.values") is { } state ? BlockKitValues.Read(state) : new Dictionary<string, string>();
        var origin = SlackModals.Origin(SlackPayload.Text(view, "private_metadata"));
        var turn = new SlackTurn(team, userId, origin?.Channel ?? userId, null, new TurnAction(callbackId, values), SlackPayload.Text(view, "id"));
        var replies = await _budget.RunAsync(
            token => _conversation.RunAsync(turn, token),
            (late, token) => PostAsync(team, userId, origin, late, turn, token),
            cancellationToken);
        _home.Schedule(team, userId);
        if (replies is null)
        {
            return SlackAck.Json(new JsonObject { ["response_action"] = "clear" });
        }

        // The note and action forms come back without IsError but naming the blank input: that is a rejection too.
        if (replies.FirstOrDefault(r => r.IsError || r.ErrorInputId is not null) is { } error)
        {
            return SlackAck.Json(_renderer.RenderSubmissionErrors(error, SlackModals.FormOf(view)));
        }

        // A different form is the next step (update the modal); the same form again is the saved state (close it).
        if (replies.FirstOrDefault(r => r.Form is { } form && form.SubmitActionId != callbackId) is { } next)
        {
            var metadata = SlackPayload.Text(view, "private_metadata") ?? SlackModals.Metadata(new SlackDestination(userId));
            return SlackAck.Json(new JsonObject { ["response_action"] = "update", ["view"] = _renderer.RenderModal(next, metadata) });
        }

        _budget.RunLater(token => PostAsync(team, userId, origin, replies, turn, token));
        return SlackAck.Json(new JsonObject { ["response_action"] = "clear" });
    }

    private async Task PostAsync(SlackTeam team, string userId, SlackDestination? origin, IReadOnlyList<Reply> replies, SlackTurn turn, CancellationToken cancellationToken)
    {
        var destination = origin ?? new SlackDestination(await _api.Conversations.OpenDirectAsync(team, userId, cancellationToken));
        await _conversation.PostAsync(team, destination, replies, turn, cancellationToken);
    }
}
