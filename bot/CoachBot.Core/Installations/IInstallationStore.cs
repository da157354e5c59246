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

    /// <summary>Every installation of the channel (one partition: a row per workspace or tenant), in no particular order.</summary>
    Task<IReadOnlyList<Installation>> ListAsync(string channel, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored bot token with <paramref name="newBotToken"/> only if the row still holds
    /// <paramref name="expectedBotToken"/> and nothing else changed since (a key rotation re-sealing a token must never
    /// overwrite a reinstall that happened meanwhile); false when the row changed or is gone.
    /// </summary>
    Task<bool> ReplaceBotTokenAsync(string channel, string tenantId, string expectedBotToken, string newBotToken, CancellationToken cancellationToken);

    /// <summary>Deletes the installation; a missing one is not an error.</summary>
    Task DeleteAsync(string channel, string tenantId, CancellationToken cancellationToken);
}
