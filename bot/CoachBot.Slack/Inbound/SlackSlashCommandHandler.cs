using System.Text.Json.Nodes;
using CoachBot.Slack.Api;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// <c>/coach &lt;verb&gt;</c>: the text after the command goes to the Core as if typed. The first reply comes back in the
/// ack, ephemeral (only the user sees it); a reply with a form opens as a modal; further replies, and everything when
/// the Core is slower than the ack budget, go to the response_url.
/// </summary>
public sealed class SlackSlashCommandHandler : ISlackSlashCommandHandler
{
    private readonly SlackConversation _conversation;
    private readonly SlackModals _modals;
    private readonly SlackAckBudget _budget;
    private readonly SlackHomeRefresher _home;

    public SlackSlashCommandHandler(SlackConversation conversation, SlackModals modals, SlackAckBudget budget, SlackHomeRefresher home)
    {
        _conversation = conversation;
        _modals = modals;
        _budget = budget;
        _home = home;
    }

    public async Task<SlackAck> HandleAsync(SlackCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        // Direct-message conversation ids start with D; anything else (C, G) is shared with other people.
        var turn = new SlackTurn(command.Team, command.UserId, command.ChannelId, command.Text, null)
        {
            InChannel = !command.ChannelId.StartsWith('D'),
        };
        var destination = new SlackDestination(command.ChannelId, command.ResponseUrl, command.ResponseUrl is null ? command.UserId : null);
        var replies = await _budget.RunAsync(
            async token =>
            {
                var result = await _conversation.RunTurnAsync(turn, token);

                // The App Home shows the person's data: publishing it again after a command that only showed
                // something costs a dozen storage reads and a rate-limited Slack call for nothing.
                if (!result.ChangedNothing)
                {
                    _home.Schedule(command.Team, command.UserId);
                }

                return await _modals.OpenFirstFormAsync(command.Team, command.TriggerId, result.Replies, destination, token);
            },
            (late, token) => _conversation.PostAsync(command.Team, destination, late, turn, token),
            cancellationToken);

        if (replies is null)
        {
            return SlackAck.Json(Ephemeral(new SlackMessage(command.ChannelId, _conversation.Say("slack.working"))));
        }

        if (replies.Count == 0)
        {
            return SlackAck.Empty;
        }

        if (replies.Count > 1)
        {
            // Only one message fits in the ack; the rest follow through the response_url (or ephemerally).
            _budget.RunLater(token => _conversation.PostAsync(command.Team, destination, [.. replies.Skip(1)], turn, token));
        }

        if (replies[0].Attachments.Count > 0)
        {
            // Files cannot travel in an ack; they follow as uploads.
            _budget.RunLater(token => _conversation.ShareFilesAsync(command.Team, destination, replies[0], turn, token));
        }

        return SlackAck.Json(Ephemeral(_conversation.Render(destination, replies[0], turn)));
    }

    /// <summary>A message as the body of an ack or response_url post, visible only to the user.</summary>
    internal static JsonObject Ephemeral(SlackMessage message)
    {
        var json = new JsonObject { ["response_type"] = "ephemeral", ["text"] = message.Text };
        if (message.Blocks is { } blocks)
        {
            json["blocks"] = blocks.Parent is null ? blocks : blocks.DeepClone();
        }

        return json;
    }
}
