using CoachBot.Content.Model;
using CoachBot.Content.Selection;
using CoachBot.Core.Conversation;
using CoachBot.Core.Users;

namespace CoachBot.Core.Habits;

/// <summary>Chooses a user's micro-step for a day from their practice history. Used by `today` and the scheduler.</summary>
public sealed class DailyStepService
{
    public const string DoneAction = "habit.done";
    public const string SkipAction = "habit.skip";
    public const string SnoozeAction = "habit.snooze";
    public const string AnotherAction = "habit.another";

    private readonly IProgressStore _progress;

    public DailyStepService(IProgressStore progress) => _progress = progress;

    /// <summary>The step for <paramref name="today"/>, avoiding <paramref name="exclude"/> (steps just declined).</summary>
    public async Task<MicroStep> ChooseAsync(
        UserProfile profile, ContentCatalog content, DateOnly today, IReadOnlyCollection<string> exclude, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(content);
        return Choose(profile, content, today, exclude, await RecentPracticeAsync(profile.User, today, cancellationToken));
    }

    /// <summary>The practice log the choice of <paramref name="today"/>'s step looks at (today included).</summary>
    public Task<IReadOnlyList<PracticeEntry>> RecentPracticeAsync(UserRef user, DateOnly today, CancellationToken cancellationToken) =>
        _progress.ListAsync(user, today.AddDays(-MicroStepSelector.NoRepeatDays), today, cancellationToken);

    private static MicroStep Choose(
        UserProfile profile, ContentCatalog content, DateOnly today, IReadOnlyCollection<string> exclude, IReadOnlyList<PracticeEntry> history)
    {
        return MicroStepSelector.Select(
            Pool(profile, content, today),
            profile.Role,
            profile.CareerPath,
            [.. history.Select(h => new PracticeHistoryItem(h.ActionId, h.StepId, h.LocalDate))],
            today,
            exclude);
    }

    /// <summary>
    /// The steps the day's choice is made from. Without a mission focus: the five actions. With one, on every other
    /// working day (<see cref="IsFocusDay"/>): the focus mission's own steps, offered as an action nobody practised yet
    /// so the selector tries them first, then the actions linked to the mission; on the other days the five actions as
    /// usual, so no action starves (docs/decisions/0033-missions.md). Eligibility stays the selector's.
    /// </summary>
    public static IReadOnlyList<HabitAction> Pool(UserProfile profile, ContentCatalog content, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(content);
        if (profile.MissionFocus is not { } focus || content.FindMission(focus) is not { Steps.Count: > 0 } mission || !IsFocusDay(profile, today))
        {
            return content.Actions;
        }

        // "mission." keeps the pool's ids apart from the action ids (one mission and one action are both "recruiting"):
        // the selector's "least recently practised" then never mixes the mission's steps up with an action's history.
        var missionSteps = new HabitAction(FocusPoolPrefix + mission.Id, mission.Title, mission.Summary, mission.Steps);
        return [missionSteps, .. mission.Actions.Select(content.FindAction).OfType<HabitAction>()];
    }

    /// <summary>The id prefix of the focus mission's entry in <see cref="Pool"/>.</summary>
    public const string FocusPoolPrefix = "mission.";

    /// <summary>
    /// True on every other working day of the user: the working days are numbered in a row (a Monday-aligned week has
    /// as many as the user works) and the even ones are focus days. A day off counts with the next working day.
    /// </summary>
    public static bool IsFocusDay(UserProfile profile, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var working = profile.WorkingDays;
        if (working.Count == 0)
        {
            return day.DayNumber % 2 == 0;
        }

        // DayNumber 0 is Monday 1 January 0001, so whole weeks start on Mondays.
        var offset = day.DayNumber % 7;
        var monday = day.AddDays(-offset);
        var before = Enumerable.Range(0, offset).Count(i => working.Contains(monday.AddDays(i).DayOfWeek));
        var index = ((long)(day.DayNumber / 7) * working.Distinct().Count()) + before;
        return index % 2 == 0;
    }

    /// <summary>
    /// Builds the day's nudge for the scheduler: the step already chosen for <paramref name="today"/> (the user may
    /// have typed <c>today</c> first), otherwise a new choice that avoids the steps declined today. Reads the practice
    /// log; writes nothing. The caller checks working days, pauses, <see cref="UserProfile.TodaySkipped"/> and
    /// <see cref="UserProfile.SnoozedUntil"/> before calling, sends <see cref="DailyNudge.Reply"/>, then saves
    /// <see cref="DailyNudge.Profile"/> (ETag-conditional, like every profile write).
    /// </summary>
    public async Task<DailyNudge> BuildNudgeAsync(UserProfile profile, ContentCatalog content, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return BuildNudge(profile, content, today, await RecentPracticeAsync(profile.User, today, cancellationToken));
    }

    /// <summary><see cref="BuildNudgeAsync"/> from a practice log the caller already read with <see cref="RecentPracticeAsync"/>.</summary>
    public static DailyNudge BuildNudge(UserProfile profile, ContentCatalog content, DateOnly today, IReadOnlyList<PracticeEntry> recentPractice)
    {
        ArgumentNullException.ThrowIfNull(content);
        var day = ForDay(profile, today);
        var step = day.TodayStepId is { } id ? content.FindStep(id) : null;
        step ??= Choose(day, content, today, day.TodayDeclined, recentPractice);
        return new DailyNudge(StepReply(content, step), step, day with { TodayStepId = step.Id });
    }

    /// <summary>
    /// The profile as of <paramref name="today"/>: on the first use of a new local day, yesterday's step, declines and
    /// skip are forgotten. Returns the same instance when the day has not changed.
    /// </summary>
    public static UserProfile ForDay(UserProfile profile, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.TodayDate == today
            ? profile
            : profile with { TodayDate = today, TodayStepId = null, TodayDeclined = [], TodaySkipped = false };
    }

    /// <summary>A step as a reply with the four habit buttons; used by <c>today</c>, "Another one" and the nudge.</summary>
    public static Reply StepReply(ContentCatalog content, MicroStep step)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(step);
        var strings = content.Strings;
        var action = content.FindAction(step.ActionId)!;

        // A mission step shows its mission: what it is part of and why that matters.
        var mission = step.MissionId is { } missionId ? content.FindMission(missionId) : null;
        var title = strings.Format("today.title", ("action", mission?.Title ?? action.Title));
        var minutes = strings.Format("today.minutes", ("minutes", step.Minutes));
        var hint = strings.Format("today.hint");
        return new Reply
        {
            Text = StringTable.Lines(title, step.Text, minutes, hint),
            Sections =
            [
                new ReplySection
                {
                    Title = title,
                    Body = step.Text,
                    Fields = [new ReplyField(strings.Format("today.field.time"), minutes), new ReplyField(strings.Format("today.field.why"), mission?.Summary ?? action.Summary)],
                },
            ],
            Buttons =
            [
                ReplyButton.With(strings.Format("button.done"), DoneAction, "step", step.Id, ButtonStyle.Primary),
                ReplyButton.With(strings.Format("button.skip"), SkipAction, "step", step.Id),
                ReplyButton.With(strings.Format("button.snooze"), SnoozeAction, "step", step.Id),
                ReplyButton.With(strings.Format("button.another"), AnotherAction, "step", step.Id),
            ],
        };
    }
}
