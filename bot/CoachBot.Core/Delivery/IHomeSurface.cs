using CoachBot.Core.Users;

namespace CoachBot.Core.Delivery;

/// <summary>
/// A platform's own dashboard for the user (Slack's App Home). Users who chose "App Home only" get their nudges there
/// instead of a direct message. Optional per channel.
/// </summary>
public interface IHomeSurface
{
    /// <summary>The chat platform this surface belongs to.</summary>
    string Channel { get; }

    /// <summary>Builds and publishes the user's dashboard now.</summary>
    Task RefreshAsync(UserRef user, CancellationToken cancellationToken);
}
