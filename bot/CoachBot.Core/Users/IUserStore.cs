namespace CoachBot.Core.Users;

/// <summary>Stores user profiles and settings.</summary>
public interface IUserStore
{
    /// <summary>The profile, or null when the user has never talked to CoachBot (or asked to be forgotten).</summary>
    Task<UserProfile?> GetAsync(UserRef user, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the profile. A profile with a null <see cref="UserProfile.Version"/> is inserted; otherwise it replaces
    /// the stored one only if that one still has the same version (optimistic concurrency).
    /// </summary>
    /// <returns>The profile with its new version.</returns>
    /// <exception cref="Storage.ConcurrencyConflictException">Inserted twice, or changed since it was read.</exception>
    Task<UserProfile> SaveAsync(UserProfile profile, CancellationToken cancellationToken);

    /// <summary>Deletes the profile; deleting a missing profile is not an error.</summary>
    Task DeleteAsync(UserRef user, CancellationToken cancellationToken);
}
