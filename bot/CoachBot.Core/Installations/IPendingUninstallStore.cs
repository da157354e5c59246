using CoachBot.Core.Users;

namespace CoachBot.Core.Installations;

/// <summary>
/// Remembers uninstalls until the grace period ends, so a reinstall within it keeps the users' data and a purge
/// job after it can find what to delete. A mark is either a whole workspace / tenant's
/// (<see cref="PendingUninstall.UserId"/> null) or one person's (Teams personal scope); the two never overwrite each
/// other.
/// </summary>
public interface IPendingUninstallStore
{
    /// <summary>
    /// Records the uninstall (the tenant's, or the user's when <see cref="PendingUninstall.UserId"/> is set).
    /// Idempotent and first-wins: Slack sends both <c>app_uninstalled</c> and <c>tokens_revoked</c>, and the second
    /// must not push the grace period further out.
    /// </summary>
    Task MarkAsync(PendingUninstall uninstall, CancellationToken cancellationToken);

    /// <summary>Forgets the tenant's uninstall (the app was installed again); clearing a missing record is not an error.</summary>
    Task ClearAsync(string channel, string tenantId, CancellationToken cancellationToken);

    /// <summary>The tenant's record, or null when the tenant is installed (or never uninstalled).</summary>
    Task<PendingUninstall?> GetAsync(string channel, string tenantId, CancellationToken cancellationToken);

    /// <summary>Forgets one person's uninstall (they added the app again or used it); a missing record is not an error.</summary>
    Task ClearUserAsync(UserRef user, CancellationToken cancellationToken);

    /// <summary>One person's own uninstall record (not the tenant's), or null.</summary>
    Task<PendingUninstall?> GetUserAsync(UserRef user, CancellationToken cancellationToken);

    /// <summary>Every uninstall, tenant and personal, at or before <paramref name="cutoff"/>: the ones whose grace period is over.</summary>
    Task<IReadOnlyList<PendingUninstall>> ListDueAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Every record, tenant and personal (a handful: only uninstalls inside their grace period).</summary>
    Task<IReadOnlyList<PendingUninstall>> ListAllAsync(CancellationToken cancellationToken);
}
