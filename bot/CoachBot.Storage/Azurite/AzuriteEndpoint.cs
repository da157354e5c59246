namespace CoachBot.Storage.Azurite;

/// <summary>
/// Tells a connection string that names the local storage emulator from one that names a real account. Local mode
/// (open playground API, clock travel) may only ever run against the emulator, so anything unclear counts as real.
/// </summary>
public static class AzuriteEndpoint
{
    /// <summary>
    /// The emulator's table port on this machine, or null when <paramref name="connectionString"/> may name a real
    /// account. The emulator is <c>UseDevelopmentStorage=true</c> (without a proxy), or a <c>TableEndpoint</c> on
    /// loopback together with Azurite's fixed account <c>devstoreaccount1</c>.
    /// </summary>
    public static int? TablePort(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2)
            {
                parts[pair[0]] = pair[1];
            }
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var isDevelopment) && isDevelopment)
        {
            // A proxy URI sends the emulator's traffic elsewhere; only the plain form is surely this machine.
            return parts.ContainsKey("DevelopmentStorageProxyUri") ? null : AzuriteProcess.DefaultPort;
        }

        var emulatorAccount = parts.TryGetValue("AccountName", out var account)
            && string.Equals(account, AzuriteProcess.AccountName, StringComparison.Ordinal);
        if (emulatorAccount
            && parts.TryGetValue("TableEndpoint", out var endpoint)
            && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            && uri.IsLoopback
            && uri.Scheme is "http" or "https")
        {
            return uri.Port;
        }

        return null;
    }
}
