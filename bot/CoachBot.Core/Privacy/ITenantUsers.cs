namespace CoachBot.Core.Privacy;

/// <summary>
/// Who a workspace / tenant's data is about: every user of one channel and tenant that any store keeps a row for,
/// so the uninstall purge can run <c>forget me</c> for each (docs/decisions/0021-uninstall-grace-period.md).
/// </summary>
public interface ITenantUsers
{
    /// <summary>
    /// The users of <paramref name="channel"/> and <paramref name="tenantId"/> known to any per-user store: a profile,
    /// practice, skills, talking points, 1-on-1s, reflections, ledger keys, a conversation reference, uploaded copies.
    /// A user with no profile row is listed too. Users of other tenants never are, even when one tenant id is a
    /// prefix of another.
    /// </summary>
    Task<IReadOnlyList<Users.UserRef>> ListAsync(string channel, string tenantId, CancellationToken cancellationToken);
}
