using CoachBot.Core.Skills;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="ISkillStore"/> in memory: one assessment per user and month (stored as the month's first day),
/// lists oldest month first.</summary>
public sealed class InMemorySkillStore : ISkillStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<DateOnly, SkillAssessment>> _byUser = new(StringComparer.Ordinal);

    public Task SaveAsync(SkillAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        cancellationToken.ThrowIfCancellationRequested();
        var month = new DateOnly(assessment.Month.Year, assessment.Month.Month, 1);
        lock (_gate)
        {
            if (!_byUser.TryGetValue(assessment.User.Key, out var months))
            {
                months = [];
                _byUser[assessment.User.Key] = months;
            }

            // Copy the scores so a caller changing its own dictionary cannot change what is "stored".
            months[month] = assessment with { Month = month, Scores = new Dictionary<string, int>(assessment.Scores, StringComparer.Ordinal) };
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SkillAssessment>> ListAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<SkillAssessment> result = _byUser.TryGetValue(user.Key, out var months) ? [.. months.Values] : [];
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
