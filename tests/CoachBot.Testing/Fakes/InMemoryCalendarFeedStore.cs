using CoachBot.Core.OneOnOnes.Calendar;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="ICalendarFeedStore"/> in memory: one feed per user, found by its token hash.</summary>
public sealed class InMemoryCalendarFeedStore : ICalendarFeedStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<UserRef, CalendarFeedRecord> _feeds = [];

    /// <summary>Every stored hash, for tests that prove no token is kept.</summary>
    public IReadOnlyList<string> Hashes
    {
        get
        {
            lock (_gate)
            {
                return [.. _feeds.Values.Select(f => f.TokenHash)];
            }
        }
    }

    public Task<UserRef?> FindUserAsync(string tokenHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<UserRef?>(_feeds.FirstOrDefault(p => p.Value.TokenHash == tokenHash).Key);
        }
    }

    public Task<CalendarFeedRecord?> GetAsync(UserRef user, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_feeds.GetValueOrDefault(user));
        }
    }

    public Task ReplaceAsync(UserRef user, CalendarFeedRecord feed, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _feeds[user] = feed;
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(UserRef user, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _feeds.Remove(user);
        }

        return Task.CompletedTask;
    }
}
