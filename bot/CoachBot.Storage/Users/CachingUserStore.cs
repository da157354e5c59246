using System.Collections.Concurrent;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Users;

/// <summary>
/// Keeps profiles this replica read or wrote for <see cref="StorageOptions.ProfileCacheLifetime"/>, so a user's
/// burst of commands (and the slash-command ack path) costs one storage read, not one per command. "Not found" is
/// kept too. Any failed write drops the entry, so the engine's retry after a conflict reads storage again.
/// </summary>
/// <remarks>
/// Expiry must not stall a busy user's requests (docs/benchmarks.md, "The Slack tail"): concurrent misses share one
/// storage read, and an entry read again in the last quarter of its lifetime is refreshed in the background while it
/// is still served, so a profile in use never expires under its requests. No entry is ever served past its lifetime.
/// A read only replaces the entry it started from: a save or delete that lands while it runs is never overwritten by
/// the older profile it brings back.
/// </remarks>
public sealed class CachingUserStore : IUserStore
{
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<UserRef, Entry> _entries = new();
    private readonly ConcurrentDictionary<UserRef, Task<UserProfile?>> _reads = new();
    private readonly IUserStore _inner;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public CachingUserStore(IUserStore inner, TimeProvider time, TimeSpan lifetime)
    {
        _inner = inner;
        _time = time;
        _lifetime = lifetime;
    }

    public Task<UserProfile?> GetAsync(UserRef user, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_entries.TryGetValue(user, out var entry) && entry.Until > now)
        {
            if (entry.RefreshFrom <= now)
            {
                _ = RefreshAsync(user, entry);
            }

            return Task.FromResult(entry.Profile);
        }

        return ReadAsync(user, entry).WaitAsync(cancellationToken);
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
            // The retry after a conflict must read storage again, not join a read that started before the write.
            _entries.TryRemove(profile.User, out _);
            _reads.TryRemove(profile.User, out _);
            throw;
        }
    }

    public async Task DeleteAsync(UserRef user, CancellationToken cancellationToken)
    {
        _entries.TryRemove(user, out _);
        _reads.TryRemove(user, out _);
        await _inner.DeleteAsync(user, cancellationToken);

        // "Not found" from now on; a read that started before the delete cannot bring the profile back.
        Remember(user, null);
    }

    /// <summary>
    /// The one storage read of <paramref name="user"/> in flight, started when there is none. It does not follow any
    /// caller's cancellation (others may be waiting on it); each caller stops waiting on its own token.
    /// </summary>
    private Task<UserProfile?> ReadAsync(UserRef user, Entry? seen)
    {
        var mine = new TaskCompletionSource<UserProfile?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _reads.GetOrAdd(user, mine.Task);
        if (shared == mine.Task)
        {
            _ = ReadAndRememberAsync(user, seen, mine);
        }

        return shared;
    }

    private async Task RefreshAsync(UserRef user, Entry seen)
    {
        try
        {
            await ReadAsync(user, seen);
        }
        catch (Exception)
        {
            // The entry is still good until it expires; the first read after that reports the failure.
        }
    }

    private async Task ReadAndRememberAsync(UserRef user, Entry? seen, TaskCompletionSource<UserProfile?> read)
    {
        try
        {
            var profile = await _inner.GetAsync(user, CancellationToken.None);
            var fresh = NewEntry(profile);
            if (seen is null ? _entries.TryAdd(user, fresh) : _entries.TryUpdate(user, fresh, seen))
            {
                TrimIfFull();
            }
            else if (_entries.TryGetValue(user, out var newer))
            {
                // A save, a delete or another read changed the entry meanwhile; it is newer than this read.
                profile = newer.Profile;
            }

            Done(user, read).TrySetResult(profile);
        }
        catch (Exception ex)
        {
            Done(user, read).TrySetException(ex);
        }
    }

    /// <summary>Takes this read out of the shared ones (only this one: a save may have started another), then returns it.</summary>
    private TaskCompletionSource<UserProfile?> Done(UserRef user, TaskCompletionSource<UserProfile?> read)
    {
        _reads.TryRemove(new KeyValuePair<UserRef, Task<UserProfile?>>(user, read.Task));
        return read;
    }

    private void Remember(UserRef user, UserProfile? profile)
    {
        TrimIfFull();
        _entries[user] = NewEntry(profile);
    }

    private Entry NewEntry(UserProfile? profile)
    {
        var now = _time.GetUtcNow();
        return new Entry(profile, now + (_lifetime * 0.75), now + _lifetime);
    }

    /// <summary>
    /// Keeps the cache under <see cref="MaxEntries"/>: expired entries go first, then every profile. "Not found"
    /// entries stay, so a read that started before a <c>forget me</c> still cannot bring the profile back.
    /// </summary>
    private void TrimIfFull()
    {
        if (_entries.Count < MaxEntries)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var (user, entry) in _entries)
        {
            if (entry.Until <= now)
            {
                _entries.TryRemove(new KeyValuePair<UserRef, Entry>(user, entry));
            }
        }

        if (_entries.Count >= MaxEntries)
        {
            foreach (var (user, entry) in _entries)
            {
                if (entry.Profile is not null)
                {
                    _entries.TryRemove(new KeyValuePair<UserRef, Entry>(user, entry));
                }
            }
        }
    }

    /// <summary>A class, not a record: entries are compared by identity ("the entry this read started from").</summary>
    private sealed class Entry(UserProfile? profile, DateTimeOffset refreshFrom, DateTimeOffset until)
    {
        public UserProfile? Profile { get; } = profile;

        public DateTimeOffset RefreshFrom { get; } = refreshFrom;

        public DateTimeOffset Until { get; } = until;
    }
}
