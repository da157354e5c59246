using CoachBot.Core.Users;

namespace CoachBot.Core.Skills;

/// <summary>Stores skill self-assessments, one per user and month.</summary>
public interface ISkillStore
{
    /// <summary>Inserts or replaces the assessment of its month.</summary>
    Task SaveAsync(SkillAssessment assessment, CancellationToken cancellationToken);

    /// <summary>Every assessment of the user, oldest month first.</summary>
    Task<IReadOnlyList<SkillAssessment>> ListAsync(UserRef user, CancellationToken cancellationToken);

    /// <summary>Deletes every assessment of the user.</summary>
    Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken);
}
