using CoachBot.Content.Model;

namespace CoachBot.Core.Missions;

/// <summary>A user's standing and next step on every mission, in content order.</summary>
/// <param name="Missions">One entry per mission.</param>
/// <param name="FocusId">The mission the user focuses on, or null.</param>
public sealed record MissionOverview(IReadOnlyList<MissionProgress> Missions, string? FocusId);

/// <summary>One mission of a <see cref="MissionOverview"/>.</summary>
/// <param name="Mission">The mission.</param>
/// <param name="Standing">Where the user stands.</param>
/// <param name="NextStep">The step to do next, or null when the mission has no step for the user's role.</param>
public sealed record MissionProgress(Mission Mission, MissionStanding Standing, MicroStep? NextStep);
