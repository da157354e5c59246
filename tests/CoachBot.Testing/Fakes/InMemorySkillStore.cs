using CoachBot.Core.Skills;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="ISkillStore"/> in memory: one assessment per user and month (stored as the month's first day),
/// lists oldest month first.</summary>
public sealed class InMemorySkillStore : ISkillStore
{
    private readonly PerUserRows<DateOnly, SkillAssessment> _rows = new();

    public Task SaveAsync(SkillAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        cancellationToken.ThrowIfCancellationRequested();
        var month = new DateOnly(assessment.Month.Year, assessment.Month.Month, 1);

        // Copy the scores so a caller changing its own dictionary cannot change what is "stored".
        _rows.Set(assessment.User, month, assessment with { Month = month, Scores = new Dictionary<string, int>(assessment.Scores, StringComparer.Ordinal) });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SkillAssessment>> ListAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_rows.List(user, months => months.OrderBy(a => a.Month)));
    }

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        _rows.RemoveAll(user);
        return Task.CompletedTask;
    }
}
