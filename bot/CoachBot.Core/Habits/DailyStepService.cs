using CoachBot.Content.Model;
using CoachBot.Content.Selection;
using CoachBot.Core.Users;

namespace CoachBot.Core.Habits;

/// <summary>Chooses a user's micro-step for a day from their practice history. Used by `today` and the scheduler.</summary>
public sealed class DailyStepService
{
    private readonly IProgressStore _progress;

    public DailyStepService(IProgressStore progress) => _progress = progress;

    /// <summary>The step for <paramref name="today"/>, avoiding <paramref name="exclude"/> (steps just declined).</summary>
    public async Task<MicroStep> ChooseAsync(
        UserProfile profile, ContentCatalog content, DateOnly today, IReadOnlyCollection<string> exclude, CancellationToken cancellationToken)
    {
        var history = await _progress.ListAsync(profile.User, today.AddDays(-MicroStepSelector.NoRepeatDays), today, cancellationToken);
        return MicroStepSelector.Select(
            content.Actions,
            profile.Role,
            profile.CareerPath,
            [.. history.Select(h => new PracticeHistoryItem(h.ActionId, h.StepId, h.LocalDate))],
            today,
            exclude);
    }
}
