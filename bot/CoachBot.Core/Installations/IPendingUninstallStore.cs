namespace CoachBot.Core.Installations;

/// <summary>
/// Remembers uninstalls until the grace period ends, so a reinstall within it keeps the users' data and a purge
/// job after it can find what to delete.
/// </summary>
public interface IPendingUninstallStore
{
    /// <summary>
    /// Records the uninstall. Idempotent and first-wins: Slack sends both <c>app_uninstalled</c> and
    /// <c>tokens_revoked</c>, and the second must not push the grace period further out.
    /// </summary>
    Task MarkAsync(PendingUninstall uninstall, CancellationToken cancellationToken);

    /// <summary>Forgets the uninstall (the app was installed again); clearing a missing record is not an error.</summary>
    Task ClearAsync(string channel, string tenantId, CancellationToken cancellationToken);

    /// <summary>The record, or null when the tenant is installed (or never uninstalled).</summary>
    Task<PendingUninstall?> GetAsync(string channel, string tenantId, CancellationToken cancellationToken);

    /// <summary>Every uninstall at or before <paramref name="cutoff"/>: the ones whose grace period is over.</summary>
    Task<IReadOnlyList<PendingUninstall>> ListDueAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
