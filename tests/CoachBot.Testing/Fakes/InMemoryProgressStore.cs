using CoachBot.Core.Habits;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="IProgressStore"/> in memory: ids unique per user (whatever the date), lists oldest first.</summary>
public sealed class InMemoryProgressStore : IProgressStore
{
    private readonly PerUserRows<string, PracticeEntry> _rows = new();

    public Task<bool> AddAsync(PracticeEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_rows.TryAdd(entry.User, entry.Id, entry));
    }

    public Task<IReadOnlyList<PracticeEntry>> ListAsync(UserRef user, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_rows.List(user, entries => entries
            .Where(e => e.LocalDate >= fromDate && e.LocalDate <= toDate)
            .OrderBy(e => e.LocalDate)
            .ThenBy(e => e.RecordedAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)));
    }

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        _rows.RemoveAll(user);
        return Task.CompletedTask;
    }
}
