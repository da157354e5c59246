using CoachBot.Core.Storage;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Users;

/// <summary>
/// <see cref="IUserStore"/> on the Users table: one row per user, PartitionKey = encoded <see cref="UserRef.Key"/>,
/// RowKey = <c>profile</c>. The profile's Version is the row's ETag.
/// </summary>
public sealed class AzureTablesUserStore : IUserStore
{
    private const string ProfileRowKey = "profile";

    private readonly CoachBotTables _tables;

    public AzureTablesUserStore(CoachBotTables tables) => _tables = tables;

    public async Task<UserProfile?> GetAsync(UserRef user, CancellationToken cancellationToken)
    {
        var entity = await _tables.GetEntityOrDefaultAsync<UserProfileEntity>(
            StorageTableNames.Users, TableKeys.ForUser(user), ProfileRowKey, cancellationToken);
        return entity?.ToProfile();
    }

    public async Task<UserProfile> SaveAsync(UserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var entity = UserProfileEntity.From(profile, TableKeys.ForUser(profile.User), ProfileRowKey);

        var etag = profile.Version is null
            ? await _tables.TryAddEntityAsync(StorageTableNames.Users, entity, cancellationToken)
                ?? throw new ConcurrencyConflictException(
                    $"A profile for {profile.User} already exists; re-read it and apply the change to that one.")
            : await _tables.UpdateEntityAsync(StorageTableNames.Users, entity, new Azure.ETag(profile.Version), cancellationToken);

        return profile with { Version = etag.ToString() };
    }

    public Task DeleteAsync(UserRef user, CancellationToken cancellationToken) =>
        _tables.DeleteEntityAsync(StorageTableNames.Users, TableKeys.ForUser(user), ProfileRowKey, cancellationToken);
}
