using CoachBot.Core.Users;

namespace CoachBot.Core.Privacy;

/// <summary>
/// Finds one person's other accounts on a channel whose workspaces can belong to one organisation (Slack Enterprise
/// Grid: the same user id in every workspace of the org). `export` and `forget me` cover them all (ADR 0019,
/// "Enterprise Grid"). Rows stay keyed per workspace; only the privacy verbs look across.
/// </summary>
public interface IPersonAccounts
{
    /// <summary>
    /// The person's accounts other than <paramref name="user"/> in the organisation the channel authenticated for the
    /// turn (<see cref="Conversation.IncomingTurn.OrganizationId"/>). Empty when the port does not serve the user's
    /// channel, or when its records do not confirm that the user's workspace belongs to that organisation: a claimed
    /// organisation alone never reaches another workspace.
    /// </summary>
    Task<IReadOnlyList<UserRef>> ListOthersAsync(UserRef user, string organizationId, CancellationToken cancellationToken);
}
