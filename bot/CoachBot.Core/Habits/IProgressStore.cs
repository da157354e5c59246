using CoachBot.Core.Users;

namespace CoachBot.Core.Habits;

/// <summary>Stores the practice log.</summary>
public interface IProgressStore
{
    /// <summary>Records a practice. Returns false when an entry with the same id already exists (nothing changes).</summary>
    Task<bool> AddAsync(PracticeEntry entry, CancellationToken cancellationToken);

    /// <summary>Every practice of the user with a local date from <paramref name="fromDate"/> to <paramref name="toDate"/>
    /// inclusive, oldest first.</summary>
    Task<IReadOnlyList<PracticeEntry>> ListAsync(UserRef user, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken);

    /// <summary>Deletes every practice of the user.</summary>
    Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken);
}
