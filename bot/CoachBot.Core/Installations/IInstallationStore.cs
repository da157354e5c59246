namespace CoachBot.Core.Installations;

/// <summary>Stores channel installations (one per workspace / enterprise / tenant).</summary>
public interface IInstallationStore
{
    /// <summary>Inserts or replaces the installation.</summary>
    Task SaveAsync(Installation installation, CancellationToken cancellationToken);

    /// <summary>The installation, or null.</summary>
    Task<Installation?> GetAsync(string channel, string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Every installation of the channel recorded under <paramref name="enterpriseId"/> (Slack Enterprise Grid: the
    /// org's workspace installs and its org-wide install), in no particular order; empty when there is none. The
    /// enterprise id of a row is the one the channel's install answer named, so the list says which workspaces really
    /// belong to the org (ADR 0019, "Enterprise Grid").
    /// </summary>
    Task<IReadOnlyList<Installation>> ListByEnterpriseAsync(string channel, string enterpriseId, CancellationToken cancellationToken);

    /// <summary>Deletes the installation; a missing one is not an error.</summary>
    Task DeleteAsync(string channel, string tenantId, CancellationToken cancellationToken);
}
