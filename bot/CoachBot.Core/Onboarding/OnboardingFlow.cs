using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Settings;
using CoachBot.Core.Users;

namespace CoachBot.Core.Onboarding;

/// <summary>
/// First contact (PRODUCT.md 1): greet, explain in three lines, then ask role, target path, nudge time and working
/// days, one at a time. Every question offers buttons and also accepts a typed answer.
/// </summary>
public sealed class OnboardingFlow : ICommandHandler, IActionHandler
{
    public const string RoleAction = "onboarding.role";
    public const string PathAction = "onboarding.path";
    public const string TimeAction = "onboarding.time";
    public const string DaysAction = "onboarding.days";

    public IReadOnlyList<string> Verbs { get; } = ["start"];

    public string ActionPrefix => "onboarding.";

    /// <summary><c>start</c>: (re)starts the questions from the first one.</summary>
    public Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken) =>
        BeginAsync(context, cancellationToken);

    /// <summary>Greets and asks the first question.</summary>
    public static async Task<Reply> BeginAsync(TurnContext context, CancellationToken cancellationToken)
    {
        await context.UpdateProfileAsync(p => p with { Onboarding = OnboardingStep.Role }, cancellationToken);
        var greeting = StringTable.Lines(
            context.T("onboarding.greeting", ("name", context.Profile.DisplayName ?? context.Profile.User.UserId)),
            context.T("onboarding.explain_1"),
            context.T("onboarding.explain_2"),
            context.T("onboarding.explain_3"));
        var question = Question(context);
        return question with
        {
            Text = greeting + "\n\n" + question.Text,
            Sections = [new ReplySection { Body = greeting }, .. question.Sections],
        };
    }

    /// <summary>A typed answer to the pending question.</summary>
    public static async Task<Reply> AnswerAsync(TurnContext context, string text, CancellationToken cancellationToken)
    {
        var step = context.Profile.Onboarding;
        var error = await ApplyAsync(context, step, text, cancellationToken);
        return error is null ? Question(context) : Invalid(context, error);
    }

    /// <summary>A button press or form submission answering a question.</summary>
    public async Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken)
    {
        OnboardingStep? step = action.Id switch
        {
            RoleAction => OnboardingStep.Role,
            PathAction => OnboardingStep.Path,
            TimeAction => OnboardingStep.NudgeTime,
            DaysAction => OnboardingStep.WorkingDays,
            _ => null,
        };
        if (step is null)
        {
            return new Reply { Text = context.T("error.unknown_action"), IsError = true };
        }

        var error = await ApplyAsync(context, step.Value, action.Value("value") ?? string.Empty, cancellationToken);
        return error is null ? Question(context) : Invalid(context, error);
    }

    /// <summary>Appended to other replies while onboarding is unfinished.</summary>
    public static Reply Reminder(TurnContext context) => new()
    {
        Text = context.T("onboarding.reminder"),
        Buttons = [ReplyButton.Command(context.T("button.continue_setup"), "start", ButtonStyle.Primary)],
    };

    /// <summary>Stores the answer for <paramref name="step"/>; returns an error message key, or null when accepted.</summary>
    private static async Task<string?> ApplyAsync(TurnContext context, OnboardingStep step, string answer, CancellationToken cancellationToken)
    {
        UserProfile? updated = step switch
        {
            OnboardingStep.Role => SettingsParser.Pick(answer, ContentVocabulary.UserRoles, id => SettingsText.Role(context, id)) is { } role
                ? context.Profile with { Role = role }
                : null,
            OnboardingStep.Path => SettingsParser.Pick(answer, ContentVocabulary.PathIds, id => SettingsText.Path(context, id)) is { } path
                ? context.Profile with { CareerPath = path }
                : null,
            OnboardingStep.NudgeTime => SettingsParser.TimeOfDay(answer) is { } time ? context.Profile with { NudgeTime = time } : null,
            OnboardingStep.WorkingDays => SettingsParser.WorkingDays(answer) is { } days ? context.Profile with { WorkingDays = days } : null,
            _ => context.Profile,
        };
        if (updated is null)
        {
            return $"onboarding.invalid.{step.ToString().ToLowerInvariant()}";
        }

        // Answering the pending question moves on; answering an earlier one again (an old button) only updates it.
        var next = context.Profile.Onboarding == step ? NextStep(step) : context.Profile.Onboarding;
        await context.UpdateProfileAsync(_ => updated with { Onboarding = next }, cancellationToken);
        return null;
    }

    private static OnboardingStep NextStep(OnboardingStep step) => step switch
    {
        OnboardingStep.Role => OnboardingStep.Path,
        OnboardingStep.Path => OnboardingStep.NudgeTime,
        OnboardingStep.NudgeTime => OnboardingStep.WorkingDays,
        _ => OnboardingStep.Complete,
    };

    private static Reply Invalid(TurnContext context, string errorKey)
    {
        var question = Question(context);
        return question with { Text = context.T(errorKey) + "\n\n" + question.Text, IsError = true };
    }

    /// <summary>The pending question, or the summary when every question is answered.</summary>
    private static Reply Question(TurnContext context)
    {
        switch (context.Profile.Onboarding)
        {
            case OnboardingStep.Role:
                return Ask(context, "onboarding.ask.role", RoleAction,
                    ContentVocabulary.UserRoles.Select((id, i) => ($"{i + 1}. {context.T($"role.{id}")}", id)));
            case OnboardingStep.Path:
                var paths = context.Content.Paths;
                var ask = Ask(context, "onboarding.ask.path", PathAction, paths.Select((p, i) => ($"{i + 1}. {p.Title}", p.Id)));
                var fields = paths.Select(p => new ReplyField(p.Title, p.Summary)).ToList();
                return ask with
                {
                    Text = ask.Text + "\n" + SettingsText.AsLines(fields),
                    Sections = [.. ask.Sections, new ReplySection { Fields = fields }],
                };
            case OnboardingStep.NudgeTime:
                return Ask(context, "onboarding.ask.nudge_time", TimeAction, SettingsText.TimePresets.Select(t => (t, t)));
            case OnboardingStep.WorkingDays:
                return Ask(context, "onboarding.ask.working_days", DaysAction, SettingsText.DayPresets.Select(d => (context.T(d.LabelKey), d.Value)));
            default:
                var summary = SettingsText.Fields(context);
                var done = context.T("onboarding.done");
                return new Reply
                {
                    Text = done + "\n" + SettingsText.AsLines(summary) + "\n" + context.T("onboarding.next"),
                    Sections = [new ReplySection { Title = done, Fields = summary, Body = context.T("onboarding.next") }],
                    Buttons =
                    [
                        ReplyButton.Command(context.T("button.today"), "today", ButtonStyle.Primary),
                        ReplyButton.Command(context.T("button.settings"), "settings"),
                        ReplyButton.Command(context.T("button.help"), "help"),
                    ],
                };
        }
    }

    private static Reply Ask(TurnContext context, string questionKey, string actionId, IEnumerable<(string Label, string Value)> options)
    {
        var question = context.T(questionKey, ("time_zone", context.Profile.TimeZoneId));
        var buttons = options.Select(o => ReplyButton.With(o.Label, actionId, "value", o.Value)).ToList();
        var hint = context.T("onboarding.type_hint");
        return new Reply
        {
            Text = question + "\n" + string.Join("\n", buttons.Select(b => "• " + b.Label)) + "\n" + hint,
            Sections = [new ReplySection { Title = question, Body = hint }],
            Buttons = buttons,
        };
    }
}
