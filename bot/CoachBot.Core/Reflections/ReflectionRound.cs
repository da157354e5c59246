namespace CoachBot.Core.Reflections;

/// <summary>One week's reflection of a channel: when it opened and closes, and the three prompts chosen.</summary>
/// <param name="Channel">The team's channel.</param>
/// <param name="Week">The ISO week in the lead's time zone, e.g. <c>2026-W48</c>; one round per week.</param>
/// <param name="OpensAt">When the prompts went out.</param>
/// <param name="ClosesAt">After this instant answers can no longer be changed.</param>
/// <param name="PromptIds">The three prompt ids of the reflection bank, in form order.</param>
/// <param name="InvitedCount">Members asked when the round opened: the denominator of participation.</param>
public sealed record ReflectionRound(
    TeamChannel Channel, string Week, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, IReadOnlyList<string> PromptIds, int InvitedCount)
{
    /// <summary>When the summary was made; null while the round is open.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The store's concurrency token; null for a round never saved.</summary>
    public string? Version { get; init; }

    /// <summary>True while answers may be given or changed.</summary>
    public bool IsOpenAt(DateTimeOffset now) => ClosedAt is null && now >= OpensAt && now < ClosesAt;
}
