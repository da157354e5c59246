namespace CoachBot.Content.Selection;

/// <summary>A past practice, as much of it as selection needs.</summary>
public sealed record PracticeHistoryItem(string ActionId, string? StepId, DateOnly Date);
