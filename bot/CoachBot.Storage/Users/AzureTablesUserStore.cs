using CoachBot.Core.Storage;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Users;

/// <summary>
/// <see cref="IUserStore"/> on the Users table: one row per user, PartitionKey = RowKey = encoded
/// <see cref="UserRef.Key"/>. The profile's Version is the row's ETag.
/// </summary>
/// <remarks>
/// The RowKey repeats the user's key instead of a constant: Azurite finds a row by its RowKey first, so a RowKey
/// shared by every user made each read and write there scan the whole table (docs/benchmarks.md). Rows written
/// before that change (RowKey <c>profile</c>) are moved to the new key the first time they are read.
/// </remarks>
public sealed class AzureTablesUserStore : IUserStore
{
    private const string LegacyRowKey = "profile";

    private readonly CoachBotTables _tables;

    public AzureTablesUserStore(CoachBotTables tables) => _tables = tables;

    public async Task<UserProfile?> GetAsync(UserRef user, CancellationToken cancellationToken)
    {
        var key = TableKeys.ForUser(user);
        var entity = await _tables.GetEntityOrDefaultAsync<UserProfileEntity>(StorageTableNames.Users, key, key, cancellationToken);
        return entity?.ToProfile() ?? await MoveLegacyRowAsync(key, cancellationToken);
    }

    public async Task<UserProfile> SaveAsync(UserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var key = TableKeys.ForUser(profile.User);
        var entity = UserProfileEntity.From(profile, key, key);

        var etag = profile.Version is null
            ? await _tables.TryAddEntityAsync(StorageTableNames.Users, entity, cancellationToken)
                ?? throw new ConcurrencyConflictException(
                    $"A profile for {profile.User} already exists; re-read it and apply the change to that one.")
            : await _tables.UpdateEntityAsync(StorageTableNames.Users, entity, new Azure.ETag(profile.Version), cancellationToken);

        return profile with { Version = etag.ToString() };
    }

    public async Task DeleteAsync(UserRef user, CancellationToken cancellationToken)
    {
        var key = TableKeys.ForUser(user);
        await _tables.DeleteEntityAsync(StorageTableNames.Users, key, key, cancellationToken);
        await _tables.DeleteEntityAsync(StorageTableNames.Users, key, LegacyRowKey, cancellationToken);
    }

    /// <summary>
    /// A profile stored under the old RowKey: copied to the new one (insert-only, so two readers racing end with one
    /// row), then the old row is removed. Null when there is none.
    /// </summary>
    private async Task<UserProfile?> MoveLegacyRowAsync(string key, CancellationToken cancellationToken)
    {
        var legacy = await _tables.GetEntityOrDefaultAsync<UserProfileEntity>(StorageTableNames.Users, key, LegacyRowKey, cancellationToken);
        if (legacy is null)
        {
            return null;
        }

        var profile = legacy.ToProfile();
        var added = await _tables.TryAddEntityAsync(StorageTableNames.Users, UserProfileEntity.From(profile, key, key), cancellationToken);
        await _tables.DeleteEntityAsync(StorageTableNames.Users, key, LegacyRowKey, cancellationToken);
        if (added is { } etag)
        {
            return profile with { Version = etag.ToString() };
        }

        var current = await _tables.GetEntityOrDefaultAsync<UserProfileEntity>(StorageTableNames.Users, key, key, cancellationToken);
        return current?.ToProfile();
    }
}
