using CoachBot.Core.Habits;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="IProgressStore"/> in memory: ids unique per user (whatever the date), lists oldest first.</summary>
public sealed class InMemoryProgressStore : IProgressStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, PracticeEntry>> _byUser = new(StringComparer.Ordinal);

    public Task<bool> AddAsync(PracticeEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_byUser.TryGetValue(entry.User.Key, out var entries))
            {
                entries = new Dictionary<string, PracticeEntry>(StringComparer.Ordinal);
                _byUser[entry.User.Key] = entries;
            }

            return Task.FromResult(entries.TryAdd(entry.Id, entry));
        }
    }

    public Task<IReadOnlyList<PracticeEntry>> ListAsync(UserRef user, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<PracticeEntry> result = _byUser.TryGetValue(user.Key, out var entries)
                ?
                [
                    .. entries.Values
                        .Where(e => e.LocalDate >= fromDate && e.LocalDate <= toDate)
                        .OrderBy(e => e.LocalDate)
                        .ThenBy(e => e.RecordedAt)
                        .ThenBy(e => e.Id, StringComparer.Ordinal),
                ]
                : [];
            return Task.FromResult(result);
        }
    }

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _byUser.Remove(user.Key);
        }

        return Task.CompletedTask;
    }
}
