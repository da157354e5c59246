using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Installations;
using CoachBot.Core.Users;
using CoachBot.Slack.Api;
using CoachBot.Slack.BlockKit;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack;

/// <summary>
/// Sends proactive messages to a Slack user's DM with the bot: the stored conversation reference gives the DM channel,
/// or conversations.open finds it (and it is stored for next time); the reply is rendered as Block Kit and posted with
/// chat.postMessage. <see cref="SlackApiException"/> propagates; its <see cref="SlackApiException.IsPermanent"/> tells
/// the scheduler to stop sending to the user.
/// </summary>
public sealed class SlackChannelSender(
    ISlackApiClient slack,
    IConversationReferenceStore references,
    IBlockKitRenderer renderer,
    TimeProvider time,
    ILogger<SlackChannelSender> logger) : IChannelSender
{
    public string Channel => SlackTeam.Channel;

    public async Task SendAsync(UserRef user, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(reply);
        if (!string.Equals(user.Channel, SlackTeam.Channel, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The Slack sender only sends to Slack users; {user.Key} belongs to channel '{user.Channel}'.", nameof(user));
        }

        var team = new SlackTeam(user.TenantId);
        var channelId = await DirectChannelAsync(team, user, cancellationToken);
        var message = renderer.RenderMessage(channelId, reply);
        await slack.Chat.PostMessageAsync(team, message, cancellationToken);
        logger.LogDebug("Sent a proactive Slack message to {User}", user.Key);
    }

    private async Task<string> DirectChannelAsync(SlackTeam team, UserRef user, CancellationToken cancellationToken)
    {
        var stored = await references.GetAsync(user, cancellationToken);
        if (stored is not null && !string.IsNullOrEmpty(stored.ConversationId))
        {
            return stored.ConversationId;
        }

        var channelId = await slack.Conversations.OpenDirectAsync(team, user.UserId, cancellationToken);
        await references.SaveAsync(
            new ConversationReference(user, channelId, ServiceUrl: null, BotId: null, Locale: null, time.GetUtcNow()),
            cancellationToken);
        logger.LogInformation("Opened the Slack DM channel of {User}", user.Key);
        return channelId;
    }
}
