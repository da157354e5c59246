using System.Globalization;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary>
/// <see cref="IUserStore"/> in memory with the Azure store's semantics: versions are counters standing in for ETags,
/// inserting twice or saving a stale version throws <see cref="ConcurrencyConflictException"/>.
/// </summary>
public sealed class InMemoryUserStore : IUserStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, UserProfile> _profiles = new(StringComparer.Ordinal);
    private long _lastVersion;

    /// <summary>Every stored profile, for assertions.</summary>
    public IReadOnlyList<UserProfile> Profiles
    {
        get
        {
            lock (_gate)
            {
                return [.. _profiles.Values];
            }
        }
    }

    public Task<UserProfile?> GetAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_profiles.GetValueOrDefault(user.Key));
        }
    }

    public Task<UserProfile> SaveAsync(UserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var exists = _profiles.TryGetValue(profile.User.Key, out var stored);
            if (profile.Version is null && exists)
            {
                throw new ConcurrencyConflictException($"A profile for {profile.User} already exists (409).");
            }

            if (profile.Version is not null && (!exists || stored!.Version != profile.Version))
            {
                throw new ConcurrencyConflictException($"The profile of {profile.User} changed since it was read (412).");
            }

            // Copy the list so a caller mutating its own list cannot change what is "stored".
            var saved = profile with
            {
                WorkingDays = [.. profile.WorkingDays],
                Version = (++_lastVersion).ToString(CultureInfo.InvariantCulture),
            };
            _profiles[profile.User.Key] = saved;
            return Task.FromResult(saved);
        }
    }

    public Task DeleteAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _profiles.Remove(user.Key);
        }

        return Task.CompletedTask;
    }
}
