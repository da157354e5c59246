using System.Collections.Concurrent;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Users;

/// <summary>
/// Keeps profiles this replica read or wrote for <see cref="StorageOptions.ProfileCacheLifetime"/>, so a user's
/// burst of commands (and the slash-command ack path) costs one storage read, not one per command. "Not found" is
/// kept too. Any failed write drops the entry, so the engine's retry after a conflict reads storage again.
/// </summary>
public sealed class CachingUserStore : IUserStore
{
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<UserRef, Entry> _entries = new();
    private readonly IUserStore _inner;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public CachingUserStore(IUserStore inner, TimeProvider time, TimeSpan lifetime)
    {
        _inner = inner;
        _time = time;
        _lifetime = lifetime;
    }

    public async Task<UserProfile?> GetAsync(UserRef user, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(user, out var entry) && entry.Until > _time.GetUtcNow())
        {
            return entry.Profile;
        }

        var profile = await _inner.GetAsync(user, cancellationToken);
        Remember(user, profile);
        return profile;
    }

    public async Task<UserProfile> SaveAsync(UserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        try
        {
            var saved = await _inner.SaveAsync(profile, cancellationToken);
            Remember(saved.User, saved);
            return saved;
        }
        catch
        {
            _entries.TryRemove(profile.User, out _);
            throw;
        }
    }

    public async Task DeleteAsync(UserRef user, CancellationToken cancellationToken)
    {
        _entries.TryRemove(user, out _);
        await _inner.DeleteAsync(user, cancellationToken);
        _entries.TryRemove(user, out _);
    }

    private void Remember(UserRef user, UserProfile? profile)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[user] = new Entry(profile, _time.GetUtcNow() + _lifetime);
    }

    private sealed record Entry(UserProfile? Profile, DateTimeOffset Until);
}
