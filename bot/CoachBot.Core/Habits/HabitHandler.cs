using CoachBot.Content.Model;
using CoachBot.Core.Conversation;

namespace CoachBot.Core.Habits;

/// <summary>
/// The daily habit verbs: <c>today</c> (today's micro-step with Done / Skip / Snooze 2h / Another one),
/// <c>done [note]</c> (today's step practised) and <c>log &lt;action&gt; &lt;note&gt;</c> (any practice of one of
/// the five actions).
/// </summary>
public sealed class HabitHandler : ICommandHandler, IActionHandler
{
    public const string DoneAction = DailyStepService.DoneAction;
    public const string SkipAction = DailyStepService.SkipAction;
    public const string SnoozeAction = DailyStepService.SnoozeAction;
    public const string AnotherAction = DailyStepService.AnotherAction;
    public const string LogAction = "habit.log";

    /// <summary>Opens the log form with one action chosen (value <c>action</c>); used by <c>progress</c>.</summary>
    public const string LogFormAction = "habit.logform";

    /// <summary>How long "Snooze 2h" puts the nudge off.</summary>
    public static readonly TimeSpan SnoozeFor = TimeSpan.FromHours(2);

    private readonly DailyStepService _steps;
    private readonly IProgressStore _progress;

    public HabitHandler(DailyStepService steps, IProgressStore progress)
    {
        _steps = steps;
        _progress = progress;
    }

    public IReadOnlyList<string> Verbs { get; } = ["today", "done", "log"];

    public bool IsDailyPractice => true;

    public string ActionPrefix => "habit.";

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken) =>
        command.Verb switch
        {
            "today" => ShowStep(context, await TodayAsync(context, another: false, cancellationToken)),
            "done" => await DoneAsync(context, command.Arguments, cancellationToken),
            _ => await LogAsync(context, command.Arguments, cancellationToken),
        };

    public async Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken) =>
        action.Id switch
        {
            DoneAction => await DoneAsync(context, action.Value("note"), cancellationToken),
            AnotherAction => ShowStep(context, await TodayAsync(context, another: true, cancellationToken)),
            SkipAction => await SkipAsync(context, cancellationToken),
            SnoozeAction => await SnoozeAsync(context, cancellationToken),
            LogAction => await LogFormAsync(context, action, cancellationToken),
            LogFormAction => LogForm(context, context.T("log.ask"), action.Value("action") is { } id ? FindAction(context.Content, id)?.Id : null),
            _ => new Reply { Text = context.T("error.unknown_action"), IsError = true },
        };

    /// <summary>
    /// Today's step: the one already chosen today, or a new choice that is remembered for the day. "Another one"
    /// declines the current step and avoids every step declined today, so repeated presses walk through the steps;
    /// once every step has been declined the walk starts again.
    /// </summary>
    private async Task<MicroStep> TodayAsync(TurnContext context, bool another, CancellationToken cancellationToken)
    {
        var today = context.LocalToday;
        var day = DailyStepService.ForDay(context.Profile, today);
        var current = day.TodayStepId is { } id ? context.Content.FindStep(id) : null;
        if (current is not null && !another)
        {
            return current;
        }

        IReadOnlyList<string> declined = current is null ? day.TodayDeclined : [.. day.TodayDeclined.Append(current.Id).Distinct(StringComparer.Ordinal)];
        var step = await _steps.ChooseAsync(day, context.Content, today, declined, cancellationToken);
        if (declined.Contains(step.Id, StringComparer.Ordinal))
        {
            // Every step is declined: the selector fell back to one of them. Start the walk again from here.
            declined = current is null ? [] : [current.Id];
            step = await _steps.ChooseAsync(day, context.Content, today, declined, cancellationToken);
        }

        await context.UpdateProfileAsync(_ => day with { TodayStepId = step.Id, TodayDeclined = declined }, cancellationToken);
        return step;
    }

    private static Reply ShowStep(TurnContext context, MicroStep step) => DailyStepService.StepReply(context.Content, step);

    /// <summary>Skip: no more nudges today (the scheduler reads <c>TodaySkipped</c>); the step counts as declined.</summary>
    private async Task<Reply> SkipAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var step = await TodayAsync(context, another: false, cancellationToken);
        await context.UpdateProfileAsync(
            p => p with { TodaySkipped = true, TodayDeclined = [.. p.TodayDeclined.Append(step.Id).Distinct(StringComparer.Ordinal)] },
            cancellationToken);
        return new Reply
        {
            Text = StringTable.Lines(context.T("skip.confirmed"), context.T("skip.hint")),
            Buttons = [ReplyButton.Command(context.T("button.log_more"), "log"), ReplyButton.Command(context.T("button.progress"), "progress")],
        };
    }

    /// <summary>Snooze 2h: the scheduler sends the step again at <c>SnoozedUntil</c>.</summary>
    private async Task<Reply> SnoozeAsync(TurnContext context, CancellationToken cancellationToken)
    {
        await TodayAsync(context, another: false, cancellationToken);
        var until = context.Now + SnoozeFor;
        await context.UpdateProfileAsync(p => p with { SnoozedUntil = until }, cancellationToken);
        var local = TimeZoneInfo.ConvertTime(until, context.TimeZone);
        var time = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var text = DateOnly.FromDateTime(local.DateTime) == context.LocalToday
            ? context.T("snooze.confirmed", ("time", time))
            : context.T("snooze.confirmed_tomorrow", ("time", time));
        return new Reply { Text = text };
    }

    private async Task<Reply> DoneAsync(TurnContext context, string? note, CancellationToken cancellationToken)
    {
        var step = await TodayAsync(context, another: false, cancellationToken);
        return await RecordAsync(context, step.ActionId, step.Id, note, cancellationToken);
    }

    private async Task<Reply> LogAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        if (arguments.Length == 0)
        {
            return LogForm(context, context.T("log.ask"));
        }

        var parts = arguments.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        var action = FindAction(context.Content, parts[0]);
        if (action is null)
        {
            var reply = LogForm(context, context.T("log.error.unknown_action", ("value", parts[0]), ("actions", ActionList(context))));
            return reply with { IsError = true };
        }

        return await RecordAsync(context, action.Id, null, parts.Length > 1 ? parts[1] : null, cancellationToken);
    }

    private async Task<Reply> LogFormAsync(TurnContext context, TurnAction submitted, CancellationToken cancellationToken)
    {
        var action = submitted.Value("action") is { } id ? FindAction(context.Content, id) : null;
        if (action is null)
        {
            return LogForm(context, context.T("log.error.choose_action")) with { IsError = true, ErrorInputId = "action" };
        }

        return await RecordAsync(context, action.Id, null, submitted.Value("note"), cancellationToken);
    }

    private async Task<Reply> RecordAsync(TurnContext context, string actionId, string? stepId, string? note, CancellationToken cancellationToken)
    {
        var today = context.LocalToday;
        var entry = new PracticeEntry(context.Profile.User, EntryId(context), today, actionId, stepId,
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(), context.Now);
        var added = await _progress.AddAsync(entry, cancellationToken);
        var week = await _progress.ListAsync(context.Profile.User, today.AddDays(-6), today, cancellationToken);
        var action = context.Content.FindAction(actionId)!;
        var what = stepId is not null ? context.Content.FindStep(stepId)?.Text ?? action.Title : action.Title;
        var headline = added ? context.T("done.recorded", ("action", action.Title)) : context.T("done.already");
        var count = context.T("done.week_count", ("count", week.Count));
        return new Reply
        {
            Text = StringTable.Lines(headline, what, entry.Note is null ? null : context.T("done.note", ("note", entry.Note)), count),
            Sections =
            [
                new ReplySection
                {
                    Title = headline,
                    Body = what,
                    Fields = [.. entry.Note is null ? Array.Empty<ReplyField>() : [new ReplyField(context.T("done.field.note"), entry.Note)], new ReplyField(context.T("done.field.week"), count)],
                },
            ],
            Buttons = [ReplyButton.Command(context.T("button.log_more"), "log")],
        };
    }

    private static Reply LogForm(TurnContext context, string message, string? actionId = null)
    {
        var title = context.T("log.title");
        return new Reply
        {
            Text = StringTable.Lines(message, ActionList(context), context.T("log.usage")),
            Sections = [new ReplySection { Body = message }],
            Form = new ReplyForm(LogAction, title, context.T("button.save"),
            [
                new ReplyInput("action", context.T("log.field.action"), InputKind.Choice)
                {
                    Choices = [.. context.Content.Actions.Select(a => new ReplyChoice(a.Title, a.Id))],
                    Required = true,
                    InitialValue = actionId,
                },
                new ReplyInput("note", context.T("log.field.note"), InputKind.MultilineText)
                {
                    Placeholder = context.T("log.note_placeholder"), MaxLength = 1000,
                },
            ]),
        };
    }

    private static string ActionList(TurnContext context) =>
        string.Join("\n", context.Content.Actions.Select((a, i) => $"{i + 1}. {a.Id}: {a.Title}"));

    /// <summary>Finds an action by id, number (1-5), or a word of its id or title.</summary>
    internal static HabitAction? FindAction(ContentCatalog content, string text)
    {
        var t = text.Trim();
        if (int.TryParse(t, out var n) && n >= 1 && n <= content.Actions.Count)
        {
            return content.Actions[n - 1];
        }

        return content.Actions.FirstOrDefault(a => string.Equals(a.Id, t, StringComparison.OrdinalIgnoreCase))
            ?? (t.Length >= 3
                ? content.Actions.FirstOrDefault(a => a.Id.StartsWith(t, StringComparison.OrdinalIgnoreCase) || a.Title.Contains(t, StringComparison.OrdinalIgnoreCase))
                : null);
    }

    /// <summary>
    /// The entry id comes from the channel's message id when there is one, so a redelivered message records nothing
    /// twice; otherwise it is unique.
    /// </summary>
    private static string EntryId(TurnContext context)
    {
        if (TurnKeys.Of(context.Turn) is { } turnKey)
        {
            return "m" + turnKey;
        }

        return "g" + Guid.CreateVersion7(context.Now).ToString("N");
    }
}
