using CoachBot.Core.Users;
using CoachBot.Slack.Inbound;

namespace CoachBot.Slack;

/// <summary>
/// Slack's directory for people the bot has not met: users.info through the same hour-long cache as the turn hints.
/// A failed lookup is no hint, never an error (the proposal still goes out, in the manager's language and zone).
/// </summary>
public sealed class SlackPersonDirectory(SlackUserHints hints) : IPersonDirectory
{
    public string Channel => SlackTeam.Channel;

    public async Task<PersonHints?> FindAsync(UserRef person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var info = await hints.GetAsync(new SlackTeam(person.TenantId), person.UserId, cancellationToken);
        return info is null ? null : new PersonHints(info.TimeZone, info.Locale, info.IsBot, info.Deleted);
    }
}
