namespace CoachBot.Host.Local;

/// <summary>Local mode settings (configuration section <c>Local</c>).</summary>
public sealed class LocalOptions
{
    public const string SectionName = "Local";

    /// <summary>
    /// Forces local mode on or off. Unset: local mode is on exactly when no Slack or Teams credential is present
    /// (see <see cref="HostMode"/>). True next to a real credential, or against a real storage account, stops the start.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>In local mode, start Azurite (from node_modules) when the storage endpoint is not answering.</summary>
    public bool AutostartAzurite { get; set; } = true;

    /// <summary>Where the local Azurite keeps its data, relative to the repository root.</summary>
    public string AzuriteDataPath { get; set; } = ".data/azurite";

    /// <summary>Largest request body the local endpoints accept, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
