using System.Collections.Concurrent;
using CoachBot.Core.Health;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="ITeamHealthStore"/> in memory: the first week frozen per lead stays.</summary>
public sealed class InMemoryTeamHealthStore : ITeamHealthStore
{
    private readonly ConcurrentDictionary<(UserRef Lead, string Week), HealthWeek> _weeks = new();
    private readonly ConcurrentDictionary<(UserRef Lead, string Member), bool> _shown = new();

    public Task<IReadOnlyDictionary<string, HealthWeek>> GetWeeksAsync(UserRef lead, IReadOnlyList<string> weeks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        IReadOnlyDictionary<string, HealthWeek> found = weeks
            .Where(w => _weeks.ContainsKey((lead, w)))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(w => w, w => _weeks[(lead, w)], StringComparer.Ordinal);
        return Task.FromResult(found);
    }

    public Task<HealthWeek> FreezeAsync(UserRef lead, HealthWeek week, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(week);
        return Task.FromResult(_weeks.GetOrAdd((lead, week.Week), week));
    }

    public Task<IReadOnlySet<string>> GetShownAsync(UserRef lead, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(_shown.Keys.Where(k => k.Lead == lead).Select(k => k.Member).ToHashSet(StringComparer.Ordinal));

    public Task MarkShownAsync(UserRef lead, IReadOnlyCollection<UserRef> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var member in members)
        {
            _shown.TryAdd((lead, member.Key), true);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAllAsync(UserRef lead, CancellationToken cancellationToken)
    {
        foreach (var key in _shown.Keys.Where(k => k.Lead == lead))
        {
            _shown.TryRemove(key, out _);
        }

        foreach (var key in _weeks.Keys.Where(k => k.Lead == lead))
        {
            _weeks.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    /// <summary>How many weeks are frozen for <paramref name="lead"/>.</summary>
    public int Count(UserRef lead) => _weeks.Keys.Count(k => k.Lead == lead);
}
