using CoachBot.Content.Model;

namespace CoachBot.Content.Tests;

/// <summary>Every kind of user the step selector can meet: each role, each path and each working week.</summary>
internal static class UserVariants
{
    // Declared first: the properties below are initialised from it in textual order.
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The roles onboarding offers, and null for a user who has not answered.</summary>
    public static IReadOnlyList<string?> Roles { get; } = [.. ContentVocabulary.UserRoles, null];

    /// <summary>The career paths, and null for a user who has not chosen one.</summary>
    public static IReadOnlyList<string?> Paths { get; } = [.. ContentVocabulary.PathIds, null];

    /// <summary>
    /// Every working week the settings accept: `settings days` takes any non-empty set of days ("mon,wed,fri",
    /// "sun-thu", "every day"), so all 127 sets, Monday first.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<DayOfWeek>> WorkingWeeks { get; } = [.. AllWeeks()];

    private static IEnumerable<IReadOnlyList<DayOfWeek>> AllWeeks()
    {
        for (var mask = 1; mask < 1 << Week.Length; mask++)
        {
            yield return [.. Week.Where((_, i) => (mask & (1 << i)) != 0)];
        }
    }

    /// <summary>
    /// The days of <paramref name="week"/> a user presses "Another one" on, twice a week: every pair of two different
    /// working days, or the one working day twice when there is only one.
    /// </summary>
    public static IEnumerable<IReadOnlyList<DayOfWeek>> AnotherOneDays(IReadOnlyList<DayOfWeek> week)
    {
        if (week.Count == 1)
        {
            yield return [week[0], week[0]];
            yield break;
        }

        for (var i = 0; i < week.Count; i++)
        {
            for (var j = i + 1; j < week.Count; j++)
            {
                yield return [week[i], week[j]];
            }
        }
    }
}
