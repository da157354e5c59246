using CoachBot.Core.Conversation;
using CoachBot.Core.Users;

namespace CoachBot.Core.Delivery;

/// <summary>Sends a message to a user without a turn to answer (nudges, prompts, summaries).</summary>
public interface IChannelSender
{
    /// <summary>The channel this sender serves (slack, msteams, local).</summary>
    string Channel { get; }

    /// <summary>Sends the reply to the user's direct conversation.</summary>
    Task SendAsync(UserRef user, Reply reply, CancellationToken cancellationToken);
}
