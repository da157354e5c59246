using CoachBot.Core.Skills;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests;

/// <summary>
/// A minimal <see cref="ISkillStore"/> for the harness: one assessment per user and month, the later one replacing
/// the earlier. (The shared in-memory fake and its contract suite belong to the storage work.)
/// </summary>
internal sealed class TestSkillStore : ISkillStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string User, DateOnly Month), SkillAssessment> _rows = [];

    public Task SaveAsync(SkillAssessment assessment, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _rows[(assessment.User.Key, assessment.Month)] = assessment;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SkillAssessment>> ListAsync(UserRef user, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<SkillAssessment> list = [.. _rows.Values.Where(a => a.User == user).OrderBy(a => a.Month)];
            return Task.FromResult(list);
        }
    }

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var key in _rows.Keys.Where(k => k.User == user.Key).ToList())
            {
                _rows.Remove(key);
            }
        }

        return Task.CompletedTask;
    }
}
