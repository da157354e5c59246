namespace CoachBot.Core.Reflections;

/// <summary>A member's own answers to one round, as only the author reads them (to edit, and in their export).</summary>
/// <param name="Channel">The team's channel.</param>
/// <param name="Week">The round's week.</param>
/// <param name="Parts">One part per prompt answered.</param>
/// <param name="UpdatedAt">When the author last saved them.</param>
public sealed record ReflectionAnswer(TeamChannel Channel, string Week, IReadOnlyList<AnswerPart> Parts, DateTimeOffset UpdatedAt)
{
    /// <summary>The store's concurrency token; null for answers never saved.</summary>
    public string? Version { get; init; }
}
