namespace CoachBot.Storage;

/// <summary>Where CoachBot keeps its state (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Longest prefix that still leaves every table name (prefix + longest logical name) well under Azure's 63.</summary>
    public const int MaxTablePrefixLength = 20;

    /// <summary>
    /// Table Storage connection string. The default points at a local Azurite on port 10002. A real account's string
    /// holds its key: supply it from the environment (<c>Storage__ConnectionString</c>) or user-secrets, never from
    /// appsettings.json, and never log it.
    /// </summary>
    public string ConnectionString { get; set; } = DevelopmentStorage;

    /// <summary>The connection string of the local storage emulator (Azurite on port 10002), the default.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>
    /// The account's table endpoint, e.g. <c>https://myaccount.table.core.windows.net</c>, for access without a key:
    /// the host signs in with <c>DefaultAzureCredential</c> (a managed identity in Azure, <c>az login</c> on a laptop)
    /// and needs the "Storage Table Data Contributor" role on the account. When set, <see cref="ConnectionString"/>
    /// must be empty (or left at its development default, which appsettings.json carries).
    /// </summary>
    public string? ServiceUri { get; set; }

    /// <summary>True when storage is reached through <see cref="ServiceUri"/> and a token, with no key anywhere.</summary>
    public bool IsKeyless => !string.IsNullOrWhiteSpace(ServiceUri);

    /// <summary>True when storage is the emulator's well-known development account (local mode, tests).</summary>
    public bool IsEmulator => !IsKeyless && IsEmulatorConnectionString(ConnectionString);

    /// <summary>True when the connection string points at the storage emulator's well-known account.</summary>
    public static bool IsEmulatorConnectionString(string? connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(connectionString)
                && new Azure.Data.Tables.TableServiceClient(connectionString).AccountName == Azurite.AzuriteProcess.AccountName;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // StorageOptionsValidator reports an unparsable connection string; here it is simply not the emulator.
            return false;
        }
    }

    /// <summary>Prepended to every table name, so several deployments (or tests) can share one account.</summary>
    public string TablePrefix { get; set; } = "coachbot";

    /// <summary>
    /// How long this replica reuses a profile it read (zero turns the cache off). Writes always go to storage with
    /// the version read, so a profile changed on another replica is never overwritten: the write fails, the entry is
    /// dropped and the turn runs again on fresh data. Reads may lag another replica's change by this much.
    /// </summary>
    public TimeSpan ProfileCacheLifetime { get; set; } = TimeSpan.FromSeconds(10);
}
