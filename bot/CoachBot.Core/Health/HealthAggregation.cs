namespace CoachBot.Core.Health;

/// <summary>
/// The privacy rules of team health (docs/security.md, "Team health"): a figure reaches a lead only when at least
/// <see cref="MinPeople"/> people stand behind it, and never when the people who share their own numbers would leave
/// one or two others to be worked out by subtraction.
/// </summary>
public static class HealthAggregation
{
    /// <summary>Fewest people behind any figure a lead sees, per week and per team.</summary>
    public const int MinPeople = 3;

    /// <summary>Fewest answers in a week for a theme of the five actions to count: one answer's theme is that person's.</summary>
    public const int MinAnswersPerTheme = 2;

    /// <summary>
    /// One week's cell from its contributions: <see cref="HealthCell.TooFew"/> (no numbers kept) with fewer than
    /// <see cref="MinPeople"/> people behind it, otherwise the sums. A source listed twice counts once.
    /// </summary>
    public static HealthCell Aggregate(IEnumerable<HealthContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var distinct = contributions.GroupBy(c => c.Key, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var people = distinct.Sum(c => c.People);
        if (people < MinPeople)
        {
            return HealthCell.TooFew;
        }

        var width = distinct.Select(c => c.Parts.Count).DefaultIfEmpty(0).Max();
        return new HealthCell(
            people,
            distinct.Sum(c => c.Numerator),
            distinct.Sum(c => c.Denominator),
            [.. Enumerable.Range(0, width).Select(i => distinct.Sum(c => i < c.Parts.Count ? c.Parts[i] : 0))]);
    }

    /// <summary>
    /// Themes: a part (an action) mentioned in fewer than <see cref="MinAnswersPerTheme"/> answers of the week counts as
    /// none, so a theme never stands for one person's answer.
    /// </summary>
    public static HealthCell CoarsenThemes(HealthCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Hidden ? cell : cell with { Parts = [.. cell.Parts.Select(p => p < MinAnswersPerTheme ? 0 : p)] };
    }

    /// <summary>
    /// The cell as the lead may see it now, or null. Hidden cells stay hidden; a cell with people behind it who share
    /// their own numbers (<paramref name="sharersInCell"/>, counted generously) is shown only when at least
    /// <see cref="MinPeople"/> others stand behind it too: otherwise the others' figure would be the cell minus the
    /// shared numbers.
    /// </summary>
    public static HealthCell? Visible(HealthCell cell, int sharersInCell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Hidden)
        {
            return null;
        }

        return sharersInCell > 0 && cell.Contributors - sharersInCell < MinPeople ? null : cell;
    }
}
