using CoachBot.Core.Users;

namespace CoachBot.Core.Installations;

/// <summary>
/// A workspace / tenant that uninstalled CoachBot at <paramref name="UninstalledAt"/>; its users' data goes after the
/// grace period. With <paramref name="UserId"/> it is one person's uninstall (Teams personal scope): only that user's
/// data goes.
/// </summary>
public sealed record PendingUninstall(string Channel, string TenantId, DateTimeOffset UninstalledAt, string? UserId = null)
{
    /// <summary>The one user a personal uninstall is about; null for a whole workspace / tenant.</summary>
    public UserRef? User => UserId is null ? null : new UserRef(Channel, TenantId, UserId);

    /// <summary>A personal uninstall of <paramref name="user"/> (Teams: the app removed from their personal scope).</summary>
    public static PendingUninstall ForUser(UserRef user, DateTimeOffset uninstalledAt)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Channel, user.TenantId, uninstalledAt, user.UserId);
    }
}
