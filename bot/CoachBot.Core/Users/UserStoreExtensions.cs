using CoachBot.Core.Storage;

namespace CoachBot.Core.Users;

/// <summary>Read-modify-write of a profile outside a conversation turn (edge events, delivery failures).</summary>
public static class UserStoreExtensions
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// Applies <paramref name="change"/> to the stored profile and saves it with the version it was read with. When
    /// someone else saved in between, reads again and re-applies, up to three times. Nothing happens when there is
    /// no profile or <paramref name="change"/> returns null (nothing to change).
    /// </summary>
    public static async Task UpdateAsync(
        this IUserStore users, UserRef user, Func<UserProfile, UserProfile?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            if (await users.GetAsync(user, cancellationToken) is not { } profile || change(profile) is not { } changed)
            {
                return;
            }

            try
            {
                await users.SaveAsync(changed, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
            }
        }
    }
}
