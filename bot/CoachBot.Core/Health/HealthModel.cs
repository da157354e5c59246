using CoachBot.Core.Reflections;
using CoachBot.Core.Users;

namespace CoachBot.Core.Health;

/// <summary>The indicators <c>team health</c> computes, in the order it shows them.</summary>
public static class HealthIndicatorIds
{
    /// <summary>1-on-1s held of those planned (the seed's "1-on-1 consistency").</summary>
    public const string OneOnOneCadence = "one-on-one-cadence";

    /// <summary>1-on-1 action items done by their due date, of those due.</summary>
    public const string ActionItemsOnTime = "action-items-on-time";

    /// <summary>Answers of members invited to the weekly reflection (the seed's "weekly reflection participation").</summary>
    public const string ReflectionParticipation = "reflection-participation";

    /// <summary>Which of the five actions the reflection answers talk about.</summary>
    public const string ReflectionThemes = "reflection-themes";

    /// <summary>Practice across the five actions, from the members' practice logs.</summary>
    public const string PracticeBalance = "practice-balance";

    /// <summary>Every computed indicator, in display order.</summary>
    public static readonly IReadOnlyList<string> All = [OneOnOneCadence, ActionItemsOnTime, ReflectionParticipation, ReflectionThemes, PracticeBalance];

    /// <summary>Indicators shown as stacked parts (one per action) rather than as a rate.</summary>
    public static bool HasParts(string id) => id is ReflectionThemes or PracticeBalance;
}

/// <summary>
/// What one source adds to one week's figure: a person (their practice that week), a pairing (its meetings) or a
/// reflection round (its answers).
/// </summary>
/// <param name="Key">Distinct per source; a source counted twice counts its people once.</param>
/// <param name="People">How many people stand behind it: 1 for a person or a pairing's report, the invited for a round.</param>
/// <param name="Numerator">E.g. meetings held, answers given.</param>
/// <param name="Denominator">E.g. meetings planned, members invited.</param>
/// <param name="Parts">Counts per action (content order) for <see cref="HealthIndicatorIds.HasParts"/>; empty otherwise.</param>
public sealed record HealthContribution(string Key, int People, int Numerator, int Denominator, IReadOnlyList<int> Parts);

/// <summary>
/// One indicator's figure for one week, as frozen for a lead. <see cref="Contributors"/> below
/// <see cref="HealthAggregation.MinPeople"/> means hidden: such a cell keeps no numbers at all.
/// </summary>
public sealed record HealthCell(int Contributors, int Numerator, int Denominator, IReadOnlyList<int> Parts)
{
    /// <summary>A week with fewer than <see cref="HealthAggregation.MinPeople"/> people behind it.</summary>
    public static readonly HealthCell TooFew = new(0, 0, 0, []);

    public bool Hidden => Contributors < HealthAggregation.MinPeople;

    /// <summary>Numerator of denominator as a whole percentage; null without a denominator.</summary>
    public int? Percent => Denominator <= 0 ? null : (int)Math.Round(100.0 * Numerator / Denominator, MidpointRounding.AwayFromZero);
}

/// <summary>A lead's frozen figures of one past week, by indicator id.</summary>
/// <param name="Week">The ISO week in the lead's time zone, e.g. <c>2026-W48</c>.</param>
/// <param name="Cells">One cell per indicator id.</param>
public sealed record HealthWeek(string Week, IReadOnlyDictionary<string, HealthCell> Cells);

/// <summary>Who makes up a lead's team (docs/decisions/0036-team-health.md).</summary>
/// <param name="Members">Everyone on the team but the lead, once each, by key.</param>
/// <param name="Reports">The reports of the lead's accepted pairings (a subset of <paramref name="Members"/>).</param>
/// <param name="Channels">The channels whose reflection the lead set up, enabled or not.</param>
public sealed record HealthTeam(IReadOnlyList<UserRef> Members, IReadOnlyList<UserRef> Reports, IReadOnlyList<TeamChannel> Channels)
{
    public bool IsLead => Reports.Count > 0 || Channels.Count > 0;
}

/// <summary>One indicator over the weeks of a report; a null point is a week that stays hidden from the lead.</summary>
public sealed record HealthSeries(string IndicatorId, IReadOnlyList<HealthCell?> Points)
{
    /// <summary>The visible points together (a sum of cells of 3 or more people each).</summary>
    public HealthCell Total(int lastWeeks)
    {
        var shown = Points.Skip(Math.Max(0, Points.Count - lastWeeks)).OfType<HealthCell>().ToList();
        if (shown.Count == 0)
        {
            return HealthCell.TooFew;
        }

        var parts = shown.Select(c => c.Parts).Where(p => p.Count > 0).ToList();
        return new HealthCell(
            shown.Max(c => c.Contributors),
            shown.Sum(c => c.Numerator),
            shown.Sum(c => c.Denominator),
            parts.Count == 0 ? [] : [.. Enumerable.Range(0, parts.Max(p => p.Count)).Select(i => parts.Sum(p => i < p.Count ? p[i] : 0))]);
    }

    public int HiddenWeeks => Points.Count(p => p is null);
}

/// <summary>A member's own numbers, shown to their lead only because they said so (<c>share</c>).</summary>
/// <param name="Person">Who.</param>
/// <param name="Name">Their display name, if known.</param>
/// <param name="Practice">Practices per action over the weeks of the report, in content order.</param>
/// <param name="Answered">Reflection rounds of the lead's channels they answered in those weeks.</param>
/// <param name="Held">Their 1-on-1s with the lead held in those weeks.</param>
/// <param name="Planned">Their 1-on-1s with the lead planned in those weeks.</param>
public sealed record SharedNumbers(UserRef Person, string? Name, IReadOnlyList<int> Practice, int Answered, int Held, int Planned);

/// <summary>Everything <c>team health</c>, the home section and the charts show a lead.</summary>
/// <param name="Team">The lead's team.</param>
/// <param name="Weeks">The Mondays of the completed weeks shown, oldest first.</param>
/// <param name="Series">One per <see cref="HealthIndicatorIds.All"/>; empty when the team is smaller than three.</param>
/// <param name="Shared">The members who share their own numbers, with them.</param>
public sealed record TeamHealthReport(HealthTeam Team, IReadOnlyList<DateOnly> Weeks, IReadOnlyList<HealthSeries> Series, IReadOnlyList<SharedNumbers> Shared)
{
    public bool TooSmall => Team.Members.Count < HealthAggregation.MinPeople;

    public HealthSeries? Find(string indicatorId) => Series.FirstOrDefault(s => s.IndicatorId == indicatorId);
}
