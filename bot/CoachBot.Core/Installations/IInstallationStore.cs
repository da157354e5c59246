namespace CoachBot.Core.Installations;

/// <summary>Stores channel installations (one per workspace / enterprise / tenant).</summary>
public interface IInstallationStore
{
    /// <summary>Inserts or replaces the installation.</summary>
    Task SaveAsync(Installation installation, CancellationToken cancellationToken);

    /// <summary>The installation, or null.</summary>
    Task<Installation?> GetAsync(string channel, string tenantId, CancellationToken cancellationToken);

    /// <summary>Deletes the installation; a missing one is not an error.</summary>
    Task DeleteAsync(string channel, string tenantId, CancellationToken cancellationToken);
}
