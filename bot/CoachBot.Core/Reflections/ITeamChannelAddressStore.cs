namespace CoachBot.Core.Reflections;

/// <summary>
/// Where a team's channel is reached on a platform whose channel id alone is not enough (Microsoft Teams: the
/// connector's serviceUrl, the team and the channel; docs/decisions/0040-teams-channel-reflections.md). Written only
/// by the platform's edge from an authenticated inbound activity, never from what someone typed.
/// </summary>
/// <param name="Channel">The channel as reflections name it.</param>
/// <param name="ServiceUrl">The platform's service URL the activity came with (validated by the edge).</param>
/// <param name="TeamId">The team the channel belongs to.</param>
/// <param name="ChannelId">The platform's id of the channel itself.</param>
/// <param name="RosterId">The conversation whose member list is the channel's people (the team, or a private channel).</param>
/// <param name="BotId">The bot's own id in that conversation (to start a 1:1 chat with a member).</param>
/// <param name="SeenAt">When an activity last confirmed it.</param>
public sealed record TeamChannelAddress(
    TeamChannel Channel,
    string ServiceUrl,
    string TeamId,
    string ChannelId,
    string RosterId,
    string? BotId,
    DateTimeOffset SeenAt);

/// <summary>The stored <see cref="TeamChannelAddress"/> of each channel (no personal data: ids of teams and channels).</summary>
public interface ITeamChannelAddressStore
{
    /// <summary>Inserts or replaces the channel's address.</summary>
    Task SaveAsync(TeamChannelAddress address, CancellationToken cancellationToken);

    /// <summary>The channel's address, or null when no authenticated activity ever came from it.</summary>
    Task<TeamChannelAddress?> GetAsync(TeamChannel channel, CancellationToken cancellationToken);
}
