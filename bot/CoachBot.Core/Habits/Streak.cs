namespace CoachBot.Core.Habits;

/// <summary>A user's streaks, counted in working days (see <see cref="StreakCalculator"/>).</summary>
/// <param name="Current">Consecutive counting days with practice up to today (today only adds, it never breaks).</param>
/// <param name="Longest">The longest run ever, the current one included.</param>
public sealed record Streak(int Current, int Longest)
{
    /// <summary>No practice yet.</summary>
    public static readonly Streak None = new(0, 0);
}
