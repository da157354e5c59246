using CoachBot.Content.Model;

namespace CoachBot.Content.Selection;

/// <summary>
/// Chooses the day's micro-step: from the action practised least recently, a step that fits the user's role and path
/// and was not practised within <see cref="NoRepeatDays"/>. Each rule is relaxed only when no step satisfies it, so a
/// user always gets a step; a job-market step (<see cref="MicroStep.IsJobMarket"/>) is never offered off the job-change
/// path, whatever is relaxed. The choice is deterministic for a given day and history (stable across replicas).
/// </summary>
/// <remarks>
/// Within an action the steps are walked in content order from the one after the action's latest practised step, so
/// a step declined with "Another one" (shown, but not practised) lies behind the walk and does not come back before
/// the action's whole eligible pool has been shown. An action with no practised step starts where the day points.
/// A user who has practised nothing for more than <see cref="IdleGraceDays"/> days would otherwise meet the same step
/// every day, so from then on the walk moves one step further each day.
/// </remarks>
public static class MicroStepSelector
{
    /// <summary>A step is not suggested again within this many days while alternatives exist (8 weeks).</summary>
    public const int NoRepeatDays = 56;

    /// <summary>
    /// Days without any practice after which the day's step moves on by itself (a weekend plus a day off do not count
    /// as idle, so a user who practises keeps walking one step at a time).
    /// </summary>
    public const int IdleGraceDays = 3;

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
        var idle = history.Count == 0 ? 0 : Math.Max(0, today.DayNumber - history.Max(h => h.Date).DayNumber - IdleGraceDays);
        var ordered = actions
            .Select((action, index) => (action, index))
            .OrderBy(x => lastByAction.TryGetValue(x.action.Id, out var last) ? last.DayNumber : -1)
            .ThenBy(x => (x.index - rotation + actions.Count) % actions.Count)
            .Select(x => x.action)
            .ToList();

        Func<MicroStep, bool>[] rules =
        [
            s => s.FitsAudience(path) && s.FitsRole(role) && s.FitsPath(path) && !recentSteps.Contains(s.Id) && !exclude.Contains(s.Id),
            s => s.FitsAudience(path) && s.FitsRole(role) && s.FitsPath(path) && !exclude.Contains(s.Id),
            s => s.FitsAudience(path) && !exclude.Contains(s.Id),
            s => s.FitsAudience(path),
        ];

        foreach (var rule in rules)
        {
            foreach (var action in ordered)
            {
                var steps = action.Steps;
                if (steps.Count == 0)
                {
                    continue;
                }

                var start = StartIndex(action, history, today, idle);
                for (var i = 0; i < steps.Count; i++)
                {
                    var step = steps[(start + i) % steps.Count];
                    if (rule(step))
                    {
                        return step;
                    }
                }
            }
        }

        throw new InvalidOperationException("The content has no micro-steps.");
    }

    /// <summary>
    /// Where the walk through <paramref name="action"/>'s steps starts: after the step of the action practised last
    /// (the later entry wins a tie on the date) and <paramref name="idle"/> steps on, else at the day's position.
    /// </summary>
    private static int StartIndex(HabitAction action, IReadOnlyList<PracticeHistoryItem> history, DateOnly today, int idle)
    {
        var steps = action.Steps;
        var latestIndex = -1;
        var latestDate = DateOnly.MinValue;
        foreach (var item in history)
        {
            if (item.StepId is null || item.ActionId != action.Id || item.Date < latestDate)
            {
                continue;
            }

            var index = IndexOf(steps, item.StepId);
            if (index >= 0)
            {
                latestIndex = index;
                latestDate = item.Date;
            }
        }

        return latestIndex >= 0 ? (latestIndex + 1 + (idle % steps.Count)) % steps.Count : today.DayNumber % steps.Count;
    }

    private static int IndexOf(IReadOnlyList<MicroStep> steps, string id)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
