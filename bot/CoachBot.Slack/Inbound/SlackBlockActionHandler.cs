using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Slack.Api;
using CoachBot.Slack.BlockKit;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// A button press (or an inline form's submit button): decoded back into the Core's action, with any inputs of the
/// message merged into its values. A form in the answer opens as a modal; other replies go to the response_url of
/// the message (ephemeral stays ephemeral), or to the user's DM when the button was on the App Home.
/// </summary>
public sealed class SlackBlockActionHandler : ISlackBlockActionHandler
{
    /// <summary>The action the Core gets for a button value CoachBot did not make; it answers "unknown action".</summary>
    public const string UnknownAction = "slack.unknown";

    private readonly SlackConversation _conversation;
    private readonly SlackModals _modals;
    private readonly SlackAckBudget _budget;
    private readonly SlackHomeRefresher _home;
    private readonly ISlackApiClient _api;
    private readonly IDeliveryLedger _ledger;

    public SlackBlockActionHandler(
        SlackConversation conversation, SlackModals modals, SlackAckBudget budget, SlackHomeRefresher home, ISlackApiClient api, IDeliveryLedger ledger)
    {
        _conversation = conversation;
        _modals = modals;
        _budget = budget;
        _home = home;
        _api = api;
        _ledger = ledger;
    }

    public async Task<SlackAck> HandleAsync(SlackTeam team, JsonObject payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(payload);
        var userId = SlackPayload.Text(payload, "user.id")!;
        var element = (JsonObject)((JsonArray)payload["actions"]!)[0]!;
        var action = Decode(element, payload);
        var pressId = SlackPayload.Text(element, "action_ts") ?? SlackPayload.Text(payload, "trigger_id");
        if (pressId is not null && !await _ledger.TryRecordAsync(team.User(userId), $"slack:press:{pressId}", cancellationToken))
        {
            return SlackAck.Empty;
        }

        var responseUrl = SlackPayload.HttpsUrl(SlackPayload.Text(payload, "response_url"));
        var channel = SlackPayload.Id(payload, "container.channel_id") ?? SlackPayload.Id(payload, "channel.id");
        await _budget.RunAsync(
            async token =>
            {
                var destination = channel is null || responseUrl is null
                    ? new SlackDestination(await _api.Conversations.OpenDirectAsync(team, userId, token))
                    : new SlackDestination(channel, responseUrl);
                var turn = new SlackTurn(team, userId, destination.Channel, action.Text, action.Action, pressId);
                var replies = await _conversation.RunAsync(turn, token);
                _home.Schedule(team, userId);
                var rest = await _modals.OpenFirstFormAsync(team, SlackPayload.Id(payload, "trigger_id"), replies, destination, token);
                await _conversation.PostAsync(team, destination, rest, turn, token);
                return rest;
            },
            (_, _) => Task.CompletedTask,
            cancellationToken);
        return SlackAck.Empty;
    }

    /// <summary>The Core's text or action for a pressed element, with the message's inputs as values.</summary>
    private static (string? Text, TurnAction? Action) Decode(JsonObject element, JsonObject payload)
    {
        var actionId = SlackPayload.Text(element, "action_id");
        var value = SlackPayload.Text(element, "value");
        if (actionId?.StartsWith(SlackActionCodec.OpenFormAction, StringComparison.Ordinal) == true)
        {
            return SlackFormOpener.Decode(value) ?? (null, new TurnAction(UnknownAction, new Dictionary<string, string>()));
        }

        var action = SlackActionCodec.Decode(actionId, value) ?? new TurnAction(UnknownAction, new Dictionary<string, string>());
        if (SlackPayload.Child(payload, "state.values") is { } state && BlockKitValues.Read(state) is { Count: > 0 } inputs)
        {
            var merged = new Dictionary<string, string>(action.Values);
            foreach (var (key, input) in inputs)
            {
                merged[key] = input;
            }

            action = action with { Values = merged };
        }

        return (null, action);
    }
}
