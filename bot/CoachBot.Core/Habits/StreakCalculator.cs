using CoachBot.Core.Time;

namespace CoachBot.Core.Habits;

/// <summary>
/// Counts streaks over local dates (PRODUCT.md section 2: "streaks count working days with at least one practice;
/// paused days, holidays and non-working days do not break them"). Pure: every input is a local date already
/// attributed in the user's time zone, so DST never enters the arithmetic.
/// </summary>
public static class StreakCalculator
{
    /// <summary>
    /// The current and longest streak. A counting day is a working day that is neither paused nor a holiday; every
    /// other day is skipped (it neither breaks nor extends a streak, even when practised). Today counts when practised
    /// and does not break the streak when not practised yet. Practice dated after <paramref name="today"/> is ignored.
    /// </summary>
    public static Streak Calculate(
        IEnumerable<DateOnly> practiceDates,
        IReadOnlyCollection<DayOfWeek> workingDays,
        IReadOnlyList<DateRange> pauses,
        IReadOnlyCollection<DateOnly> holidays,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(practiceDates);
        ArgumentNullException.ThrowIfNull(workingDays);
        ArgumentNullException.ThrowIfNull(pauses);
        ArgumentNullException.ThrowIfNull(holidays);

        var practised = practiceDates.Where(d => d <= today).ToHashSet();
        if (practised.Count == 0)
        {
            return Streak.None;
        }

        var holidaySet = holidays.ToHashSet();
        bool Counts(DateOnly day) =>
            workingDays.Contains(day.DayOfWeek) && !holidaySet.Contains(day) && !pauses.Any(p => p.Contains(day));

        // One pass from the first practice to today; the run still open at the end is the current streak.
        var run = 0;
        var longest = 0;
        for (var day = practised.Min(); day <= today; day = day.AddDays(1))
        {
            if (!Counts(day))
            {
                continue;
            }

            if (practised.Contains(day))
            {
                run++;
                longest = Math.Max(longest, run);
            }
            else if (day != today)
            {
                run = 0;
            }
        }

        return new Streak(run, longest);
    }
}
