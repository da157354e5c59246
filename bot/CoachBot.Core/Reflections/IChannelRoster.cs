using CoachBot.Core.Users;

namespace CoachBot.Core.Reflections;

/// <summary>
/// Who is in a team's channel, as the chat platform knows it now (docs/decisions/0037-real-team-membership.md). One
/// per platform that keeps member lists (Slack, Teams); a platform without one (the local channel) has members only
/// by posting.
/// </summary>
public interface IChannelRoster
{
    /// <summary>The chat platform this roster serves (slack, msteams).</summary>
    string Channel { get; }

    /// <summary>
    /// The people in <paramref name="channel"/> now: no bots, no deactivated or deleted accounts, each once.
    /// </summary>
    /// <returns>
    /// The people, or null when the platform says CoachBot cannot see the channel (it is not in the channel, the
    /// channel was archived or deleted): nobody can be invited there until CoachBot is added back.
    /// </returns>
    /// <exception cref="ChannelRosterUnavailableException">The platform could not be asked now; try again later.</exception>
    Task<IReadOnlyList<UserRef>?> ListPeopleAsync(TeamChannel channel, CancellationToken cancellationToken);
}

/// <summary>A channel's roster could not be read now (the platform was unreachable, throttled or failed).</summary>
public sealed class ChannelRosterUnavailableException : Exception
{
    public ChannelRosterUnavailableException()
    {
    }

    public ChannelRosterUnavailableException(string message)
        : base(message)
    {
    }

    public ChannelRosterUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
