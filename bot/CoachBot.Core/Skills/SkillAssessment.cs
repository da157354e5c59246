using CoachBot.Core.Users;

namespace CoachBot.Core.Skills;

/// <summary>A monthly self-assessment of the five essential skills.</summary>
/// <param name="User">Whose assessment.</param>
/// <param name="Month">The first day of the month assessed (one assessment per month; a second one replaces it).</param>
/// <param name="Scores">Skill id to level 1-5.</param>
/// <param name="RecordedAt">When it was saved (UTC).</param>
public sealed record SkillAssessment(UserRef User, DateOnly Month, IReadOnlyDictionary<string, int> Scores, DateTimeOffset RecordedAt);
