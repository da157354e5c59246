using CoachBot.Core.Delivery;
using CoachBot.Core.Users;
using CoachBot.Slack.Inbound;

namespace CoachBot.Slack;

/// <summary>Slack's App Home as the place for nudges of users who chose "App Home only": it is published again.</summary>
public sealed class SlackHomeSurface(SlackHomeRefresher refresher) : IHomeSurface
{
    public string Channel => SlackTeam.Channel;

    public Task RefreshAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return refresher.PublishAsync(new SlackTeam(user.TenantId), user.UserId, cancellationToken);
    }
}
