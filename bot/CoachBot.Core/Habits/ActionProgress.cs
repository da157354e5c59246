namespace CoachBot.Core.Habits;

/// <summary>Practice of one of the five actions, as <c>progress</c> shows it.</summary>
/// <param name="ActionId">The action.</param>
/// <param name="Last4Weeks">Practices in the last 28 local days, today included.</param>
/// <param name="Last12Weeks">Practices in the last 84 local days, today included.</param>
/// <param name="SharePercent">This action's share of all practice over 12 weeks, rounded (0 when there is none).</param>
/// <param name="LastPractised">The latest local date it was practised, or null.</param>
public sealed record ActionProgress(string ActionId, int Last4Weeks, int Last12Weeks, int SharePercent, DateOnly? LastPractised)
{
    /// <summary>
    /// Practices per week over the last 12 weeks, oldest first: week 12 is the last 7 local days, today included, so
    /// the weeks add up to <see cref="Last12Weeks"/>. Empty when the report was made without them.
    /// </summary>
    public IReadOnlyList<int> Weekly { get; init; } = [];
}
