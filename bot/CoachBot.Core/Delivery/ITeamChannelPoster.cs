using CoachBot.Core.Conversation;
using CoachBot.Core.Reflections;

namespace CoachBot.Core.Delivery;

/// <summary>Posts a message in a team's channel (the weekly reflection summary). Optional per channel.</summary>
public interface ITeamChannelPoster
{
    /// <summary>The chat platform this poster serves (slack, msteams, local).</summary>
    string Channel { get; }

    /// <summary>Posts <paramref name="reply"/> in <paramref name="channel"/>.</summary>
    Task PostAsync(TeamChannel channel, Reply reply, CancellationToken cancellationToken);
}
