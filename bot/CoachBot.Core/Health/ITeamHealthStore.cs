using CoachBot.Core.Users;

namespace CoachBot.Core.Health;

/// <summary>
/// A lead's team-health figures of past weeks, frozen the first time they were computed, so that someone joining or
/// leaving the team later changes no figure the lead has seen (no differencing between two looks at the same week).
/// </summary>
public interface ITeamHealthStore
{
    /// <summary>The frozen weeks of <paramref name="lead"/> among <paramref name="weeks"/>, by week.</summary>
    Task<IReadOnlyDictionary<string, HealthWeek>> GetWeeksAsync(UserRef lead, IReadOnlyList<string> weeks, CancellationToken cancellationToken);

    /// <summary>Freezes a week unless it is frozen already (the first one stays); returns the one stored.</summary>
    Task<HealthWeek> FreezeAsync(UserRef lead, HealthWeek week, CancellationToken cancellationToken);

    /// <summary>
    /// The keys (<see cref="UserRef.Key"/>) of every member whose own numbers were ever shown to <paramref name="lead"/>:
    /// they count as sharers from then on, even after <c>share off</c>, so sharers one after another cannot single out
    /// the rest by subtraction.
    /// </summary>
    Task<IReadOnlySet<string>> GetShownAsync(UserRef lead, CancellationToken cancellationToken);

    /// <summary>Records that the own numbers of <paramref name="members"/> were shown to <paramref name="lead"/>. Insert-only.</summary>
    Task MarkShownAsync(UserRef lead, IReadOnlyCollection<UserRef> members, CancellationToken cancellationToken);

    /// <summary>Deletes every frozen week and shown record of the lead (forget me). Idempotent.</summary>
    Task DeleteAllAsync(UserRef lead, CancellationToken cancellationToken);
}

/// <summary>Makes links to a team-health chart of one indicator; implemented by the host with signed, expiring URLs.</summary>
public interface ITeamHealthChartLinks
{
    /// <summary>A URL of the chart of <paramref name="indicatorId"/> for <paramref name="lead"/>'s team, drawn when fetched.</summary>
    string CreateUrl(UserRef lead, string language, string indicatorId);
}
