namespace CoachBot.Core.Habits;

/// <summary>What kind of day a calendar day was for the user's streak (<see cref="StreakCalculator"/>).</summary>
public enum CalendarDayKind
{
    /// <summary>A working day that is neither paused nor a holiday: it counts for the streak.</summary>
    Counting,

    /// <summary>Not one of the user's working days.</summary>
    NonWorking,

    /// <summary>A paused day or a holiday the user set.</summary>
    Paused,
}

/// <summary>One local day of the practice calendar the progress chart draws.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Practices">Practices logged that day (any action).</param>
/// <param name="Kind">Whether the day counts for the streak, and if not, why.</param>
public sealed record CalendarDay(DateOnly Date, int Practices, CalendarDayKind Kind);
