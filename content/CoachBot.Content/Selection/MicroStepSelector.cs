using CoachBot.Content.Model;

namespace CoachBot.Content.Selection;

/// <summary>
/// Chooses the day's micro-step: from the action practised least recently, a step that fits the user's role and path
/// and was not practised within <see cref="NoRepeatDays"/>. Each rule is relaxed only when no step satisfies it, so a
/// user always gets a step. The choice is deterministic for a given day and history (stable across replicas).
/// </summary>
public static class MicroStepSelector
{
    /// <summary>A step is not suggested again within this many days while alternatives exist (8 weeks).</summary>
    public const int NoRepeatDays = 56;

    /// <summary>Chooses a step; <paramref name="exclude"/> holds steps the user just declined ("another one").</summary>
    public static MicroStep Select(
        IReadOnlyList<HabitAction> actions,
        string? role,
        string? path,
        IReadOnlyList<PracticeHistoryItem> history,
        DateOnly today,
        IReadOnlyCollection<string> exclude)
    {
        ArgumentOutOfRangeException.ThrowIfZero(actions.Count);
        var lastByAction = history
            .GroupBy(h => h.ActionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(h => h.Date), StringComparer.Ordinal);
        var recentSteps = history
            .Where(h => h.StepId is not null && h.Date > today.AddDays(-NoRepeatDays))
            .Select(h => h.StepId!)
            .ToHashSet(StringComparer.Ordinal);

        // Ties (e.g. nothing practised yet) rotate with the day so a new user sees every action in turn.
        var rotation = today.DayNumber % actions.Count;
        var ordered = actions
            .Select((action, index) => (action, index))
            .OrderBy(x => lastByAction.TryGetValue(x.action.Id, out var last) ? last.DayNumber : -1)
            .ThenBy(x => (x.index - rotation + actions.Count) % actions.Count)
            .Select(x => x.action)
            .ToList();

        Func<MicroStep, bool>[] rules =
        [
            s => s.FitsRole(role) && s.FitsPath(path) && !recentSteps.Contains(s.Id) && !exclude.Contains(s.Id),
            s => s.FitsRole(role) && s.FitsPath(path) && !exclude.Contains(s.Id),
            s => !exclude.Contains(s.Id),
            _ => true,
        ];

        foreach (var rule in rules)
        {
            foreach (var action in ordered)
            {
                var candidates = action.Steps.Where(rule).ToList();
                if (candidates.Count > 0)
                {
                    return candidates[today.DayNumber % candidates.Count];
                }
            }
        }

        throw new InvalidOperationException("The content has no micro-steps.");
    }
}
