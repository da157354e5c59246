namespace CoachBot.Storage.Azurite;

/// <summary>How to start <see cref="AzuriteProcess"/>.</summary>
public sealed record AzuriteStartOptions
{
    /// <summary>Port to listen on; null picks a free loopback port (and another one if that gets taken meanwhile).</summary>
    public int? Port { get; init; }

    /// <summary>Folder for the data, absolute or relative to the repository root (e.g. <c>.data/azurite</c>); null keeps
    /// everything in memory, gone when the process stops.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Where to start looking for the repository root; null tries the application's base directory, then
    /// the current directory.</summary>
    public string? StartDirectory { get; init; }

    /// <summary>How long to wait for the port to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
