using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Reflections;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Inbound;

namespace CoachBot.Teams;

/// <summary>
/// Posts in a Teams channel (the team reflection summary): a new message in the channel, at the serviceUrl and
/// channel id stored from a validated activity of that channel (docs/decisions/0040-teams-channel-reflections.md).
/// </summary>
public sealed class TeamsChannelPoster(ITeamChannelAddressStore addresses, ITeamsConnectorClient connector, IAdaptiveCardRenderer renderer, TeamsServiceUrlTrust trust)
    : ITeamChannelPoster
{
    public string Channel => TeamsTurns.Channel;

    /// <exception cref="TeamsConnectorException">The post did not get through (404 when the channel has no trusted address).</exception>
    public async Task PostAsync(TeamChannel channel, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(reply);
        if (await addresses.GetAsync(channel, cancellationToken) is not { } address
            || !Uri.TryCreate(address.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            throw new TeamsConnectorException(404, "No activity ever came from that Teams channel: mention CoachBot there once, then it can post.");
        }

        if (!trust.TrustStored(serviceUrl))
        {
            throw new TeamsConnectorException(404, "The channel's stored address is not a Microsoft Teams service: " + trust.DescribeRefusal(serviceUrl)) { IsRefused = true };
        }

        await connector.SendAsync(serviceUrl, address.ChannelId, renderer.RenderMessage(reply), cancellationToken);
    }
}
