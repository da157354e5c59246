namespace CoachBot.Core.Missions;

/// <summary>
/// Where a user stands on one mission, from what CoachBot knows: the mission's own steps they did, their practice of
/// the actions linked to the mission, their latest self-assessment of the mission's skills, and the 1-on-1s they held.
/// </summary>
/// <param name="MissionId">One of the six mission ids.</param>
/// <param name="StepsDone">Distinct steps of the mission done, ever.</param>
/// <param name="StepsForRole">Steps of the mission that fit the user's role and path.</param>
/// <param name="StepsDoneRecently">Distinct steps of the mission done in the last 12 weeks.</param>
/// <param name="RelatedPractice">Practices of the mission's linked actions in the last 12 weeks (its own steps included).</param>
/// <param name="SkillLevel">The rounded average 1-5 self-assessment of the mission's skills; null without one.</param>
/// <param name="OneOnOnesHeld">1-on-1s held in the last 12 weeks that count for the mission; null where 1-on-1s do
/// not count (only growing engineers and evaluation draw on them).</param>
public sealed record MissionStanding(
    string MissionId, int StepsDone, int StepsForRole, int StepsDoneRecently, int RelatedPractice, int? SkillLevel, int? OneOnOnesHeld)
{
    /// <summary>The highest <see cref="Level"/>.</summary>
    public const int MaxLevel = 3;

    /// <summary>Points of evidence, added up from the four signals (docs/decisions/0033-missions.md).</summary>
    public int Points =>
        (2 * StepsDoneRecently)
        + Math.Min(RelatedPractice, 6)
        + (SkillLevel is { } skill ? Math.Max(skill - 1, 0) : 0)
        + Math.Min(OneOnOnesHeld ?? 0, 4);

    /// <summary>0 not started, 1 getting started (1-4 points), 2 practising (5-9), 3 established (10 or more).</summary>
    public int Level => Points switch
    {
        0 => 0,
        < 5 => 1,
        < 10 => 2,
        _ => MaxLevel,
    };
}
