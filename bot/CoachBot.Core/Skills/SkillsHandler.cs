using System.Globalization;
using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Time;

namespace CoachBot.Core.Skills;

/// <summary>
/// <c>skills</c>: the monthly self-assessment of the five essential skills on the content's 1-5 rubric, as a form
/// (one choice per skill) or typed as <c>skills 3 2 4 3 2</c> in the content's skill order. One assessment per local
/// month: saving again in the same month replaces it. Invalid input saves nothing.
/// </summary>
public sealed class SkillsHandler : ICommandHandler, IActionHandler
{
    public const string SaveAction = "skills.save";

    /// <summary>Choice labels stay short: Slack cuts option text at 75 characters.</summary>
    private const int ChoiceTextLength = 60;

    private readonly ISkillStore _skills;

    public SkillsHandler(ISkillStore skills) => _skills = skills;

    public IReadOnlyList<string> Verbs { get; } = ["skills"];

    public string ActionPrefix => "skills.";

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        var skills = context.Content.Skills;
        if (command.Arguments.Length == 0)
        {
            return await ShowAsync(context, cancellationToken);
        }

        var values = command.Arguments.Split([' ', '\t', '\u3000', ',', '、'], StringSplitOptions.RemoveEmptyEntries);
        if (values.Length != skills.Count)
        {
            return Error(context, context.T("skills.error.count", ("order", Order(context)), ("count", values.Length)));
        }

        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            if (Level(values[i]) is not { } level)
            {
                return Error(context, context.T("skills.error.value", ("value", values[i])));
            }

            scores[skills[i].Id] = level;
        }

        return await SaveAsync(context, scores, cancellationToken);
    }

    public async Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken)
    {
        if (action.Id != SaveAction)
        {
            return new Reply { Text = context.T("error.unknown_action"), IsError = true };
        }

        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<Skill>();
        foreach (var skill in context.Content.Skills)
        {
            var value = action.Value(skill.Id);
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(skill);
                continue;
            }

            if (Level(value) is not { } level)
            {
                return FormError(context, context.T("skills.error.value", ("value", value)), skill.Id);
            }

            scores[skill.Id] = level;
        }

        if (missing.Count == 0)
        {
            return await SaveAsync(context, scores, cancellationToken);
        }

        // The error names every missing skill; it is about one input only when one is missing.
        return FormError(context, context.T("skills.error.missing", ("skills", string.Join(", ", missing.Select(s => s.Title)))), missing.Count == 1 ? missing[0].Id : null);
    }

    /// <summary>The first day of the user's local month: the key of the month's one assessment.</summary>
    public static DateOnly MonthOf(DateOnly localDate) => new(localDate.Year, localDate.Month, 1);

    private async Task<Reply> SaveAsync(TurnContext context, Dictionary<string, int> scores, CancellationToken cancellationToken)
    {
        var month = MonthOf(context.LocalToday);
        await _skills.SaveAsync(new SkillAssessment(context.Profile.User, month, scores, context.Now), cancellationToken);
        var headline = context.T("skills.saved", ("month", LanguageCultures.MonthYear(month, context.Profile.Language)));
        var lines = context.Content.Skills.Select(s => context.T("skills.score_line", ("skill", s.Title), ("level", scores[s.Id]))).ToList();
        return new Reply
        {
            Text = StringTable.Lines([headline, .. lines]),
            Sections = [new ReplySection { Title = headline, Fields = [.. context.Content.Skills.Select(s => new ReplyField(s.Title, scores[s.Id].ToString(CultureInfo.InvariantCulture)))] }],
            Buttons = [ReplyButton.Command(context.T("button.progress"), "progress", ButtonStyle.Primary)],
        };
    }

    /// <summary>
    /// The rubric and the form, pre-filled with this month's assessment, else the latest earlier one (people move a
    /// level or two a month, so last month's answers are the honest start); with none, nothing is chosen and each
    /// choice says so, rather than a renderer silently showing level 1.
    /// </summary>
    private async Task<Reply> ShowAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var month = MonthOf(context.LocalToday);
        var existing = (await _skills.ListAsync(context.Profile.User, cancellationToken)).Where(a => a.Month <= month).MaxBy(a => a.Month);
        var skills = context.Content.Skills;
        var title = context.T("skills.title");
        var intro = context.T("skills.intro");
        var typing = context.T("skills.typing_help", ("order", Order(context)));
        var rubrics = skills.Select(s => (s, Levels: StringTable.Lines([.. s.Rubric.Select((text, i) => context.T("skills.level", ("level", i + 1), ("text", text)))]))).ToList();
        return new Reply
        {
            Text = StringTable.Lines([title, intro, .. rubrics.SelectMany(r => new[] { r.s.Title, r.Levels }), typing]),
            Sections =
            [
                new ReplySection { Title = title, Body = intro },
                .. rubrics.Select(r => new ReplySection { Title = r.s.Title, Body = r.Levels }),
                new ReplySection { Body = typing },
            ],
            Form = new ReplyForm(SaveAction, context.T("skills.form_title", ("month", LanguageCultures.MonthYear(month, context.Profile.Language))), context.T("button.save"),
            [
                .. skills.Select(s => new ReplyInput(s.Id, s.Title, InputKind.Choice)
                {
                    Choices = [.. s.Rubric.Select((text, i) => new ReplyChoice(context.T("skills.level", ("level", i + 1), ("text", Short(text))), (i + 1).ToString(CultureInfo.InvariantCulture)))],
                    Required = true,
                    Placeholder = context.T("skills.choose_level"),
                    InitialValue = existing?.Scores.TryGetValue(s.Id, out var level) == true ? level.ToString(CultureInfo.InvariantCulture) : null,
                }),
            ]),
        };
    }

    /// <summary>
    /// A rejected form: the problem and its fix only (the form the user filled in is still on screen; Slack shows the
    /// text next to the input), with a button for a fresh form rather than the whole rubric again.
    /// </summary>
    private static Reply FormError(TurnContext context, string message, string? inputId) => new()
    {
        Text = message,
        IsError = true,
        ErrorInputId = inputId,
        Buttons = [ReplyButton.Command(context.T("button.skills"), "skills")],
    };

    private static Reply Error(TurnContext context, string message) => new()
    {
        Text = StringTable.Lines(message, context.T("skills.typing_help", ("order", Order(context)))),
        IsError = true,
        Buttons = [ReplyButton.Command(context.T("button.skills"), "skills")],
    };

    /// <summary>A level 1-5; full-width digits count too (Japanese input methods type them).</summary>
    internal static int? Level(string text)
    {
        var t = text.Trim();
        if (t.Length == 1 && t[0] is >= '１' and <= '５')
        {
            return t[0] - '０';
        }

        return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5 ? n : null;
    }

    private static string Order(TurnContext context) => string.Join(", ", context.Content.Skills.Select(s => s.Title));

    /// <summary>The rubric's first sentence, cut to fit a choice label.</summary>
    private static string Short(string rubric)
    {
        var end = rubric.IndexOfAny(['.', '。']);
        var sentence = end > 0 ? rubric[..(end + 1)] : rubric;
        return sentence.Length <= ChoiceTextLength ? sentence : sentence[..(ChoiceTextLength - 1)].TrimEnd() + "…";
    }
}
