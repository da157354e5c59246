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
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prepended to every table name, so several deployments (or tests) can share one account.</summary>
    public string TablePrefix { get; set; } = "coachbot";

    /// <summary>
    /// How long this replica reuses a profile it read (zero turns the cache off). Writes always go to storage with
    /// the version read, so a profile changed on another replica is never overwritten: the write fails, the entry is
    /// dropped and the turn runs again on fresh data. Reads may lag another replica's change by this much.
    /// </summary>
    public TimeSpan ProfileCacheLifetime { get; set; } = TimeSpan.FromSeconds(10);
}
