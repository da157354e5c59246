using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Reflections;
using CoachBot.Slack.Api;
using CoachBot.Slack.BlockKit;

namespace CoachBot.Slack;

/// <summary>Posts in a Slack channel (the team reflection summary) with chat.postMessage; the bot must be a member.</summary>
public sealed class SlackChannelPoster(ISlackApiClient slack, IBlockKitRenderer renderer) : ITeamChannelPoster
{
    public string Channel => SlackTeam.Channel;

    public async Task PostAsync(TeamChannel channel, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        await slack.Chat.PostMessageAsync(new SlackTeam(channel.TenantId), renderer.RenderMessage(channel.ConversationId, reply), cancellationToken);
    }
}
