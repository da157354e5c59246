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

    /// <summary>
    /// PEM certificate and private key files: Azurite then serves HTTPS and, with <see cref="OAuth"/>, accepts bearer
    /// tokens for https://storage.azure.com the way a real account does (tests of keyless access). Null: plain HTTP.
    /// </summary>
    public (string CertificatePath, string KeyPath)? Https { get; init; }

    /// <summary>Accept OAuth bearer tokens (Azurite's <c>--oauth basic</c>: issuer, audience and expiry checked); needs <see cref="Https"/>.</summary>
    public bool OAuth { get; init; }

    /// <summary>How long to wait for the port to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
