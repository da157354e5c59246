using System.Security.Cryptography;
using System.Text;
using CoachBot.Content.Model;
using CoachBot.Core.Conversation;

namespace CoachBot.Core.Habits;

/// <summary>
/// The daily habit verbs: <c>today</c> (today's micro-step with Done / Another one), <c>done [note]</c> (today's step
/// practised) and <c>log &lt;action&gt; &lt;note&gt;</c> (any practice of one of the five actions).
/// </summary>
public sealed class HabitHandler : ICommandHandler, IActionHandler
{
    public const string DoneAction = "habit.done";
    public const string AnotherAction = "habit.another";
    public const string LogAction = "habit.log";

    private readonly DailyStepService _steps;
    private readonly IProgressStore _progress;

    public HabitHandler(DailyStepService steps, IProgressStore progress)
    {
        _steps = steps;
        _progress = progress;
    }

    public IReadOnlyList<string> Verbs { get; } = ["today", "done", "log"];

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
            LogAction => await LogFormAsync(context, action, cancellationToken),
            _ => new Reply { Text = context.T("error.unknown_action"), IsError = true },
        };

    /// <summary>Today's step: the one already chosen today, or a new choice that is remembered for the day.</summary>
    private async Task<MicroStep> TodayAsync(TurnContext context, bool another, CancellationToken cancellationToken)
    {
        var today = context.LocalToday;
        var profile = context.Profile;
        var current = profile.TodayDate == today && profile.TodayStepId is { } id ? context.Content.FindStep(id) : null;
        if (current is not null && !another)
        {
            return current;
        }

        var step = await _steps.ChooseAsync(profile, context.Content, today, current is null ? [] : [current.Id], cancellationToken);
        await context.UpdateProfileAsync(p => p with { TodayDate = today, TodayStepId = step.Id }, cancellationToken);
        return step;
    }

    private static Reply ShowStep(TurnContext context, MicroStep step)
    {
        var action = context.Content.FindAction(step.ActionId)!;
        var title = context.T("today.title", ("action", action.Title));
        var minutes = context.T("today.minutes", ("minutes", step.Minutes));
        var hint = context.T("today.hint");
        return new Reply
        {
            Text = StringTable.Lines(title, step.Text, minutes, hint),
            Sections = [new ReplySection { Title = title, Body = step.Text, Fields = [new ReplyField(context.T("today.field.time"), minutes), new ReplyField(context.T("today.field.why"), action.Summary)] }],
            Buttons =
            [
                ReplyButton.With(context.T("button.done"), DoneAction, "step", step.Id, ButtonStyle.Primary),
                ReplyButton.With(context.T("button.another"), AnotherAction, "step", step.Id),
            ],
        };
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
            return LogForm(context, context.T("log.error.choose_action")) with { IsError = true };
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

    private static Reply LogForm(TurnContext context, string message)
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
        if (context.Turn.TurnId is { Length: > 0 } turnId)
        {
            return "m" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(turnId)))[..24];
        }

        return "g" + Guid.CreateVersion7(context.Now).ToString("N");
    }
}
