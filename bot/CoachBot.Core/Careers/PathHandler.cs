using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Settings;

namespace CoachBot.Core.Careers;

/// <summary>
/// <c>path</c>: the user's career path toward VPoE, its milestones in order with the one matching the user's role
/// marked as current, and that milestone's next step. <c>path &lt;id|number|name&gt;</c> and the buttons switch
/// path, accepting what onboarding accepts.
/// </summary>
public sealed class PathHandler : ICommandHandler, IActionHandler
{
    public const string ChooseAction = "path.choose";

    public IReadOnlyList<string> Verbs { get; } = ["path"];

    public string ActionPrefix => "path.";

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken) =>
        command.Arguments.Length > 0
            ? await ChooseAsync(context, command.Arguments, cancellationToken)
            : context.Profile.CareerPath is null ? Ask(context, null) : Show(context, null);

    public async Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken) =>
        action.Id == ChooseAction
            ? await ChooseAsync(context, action.Value("value") ?? string.Empty, cancellationToken)
            : new Reply { Text = context.T("error.unknown_action"), IsError = true };

    /// <summary>The milestone the user is at: the first whose roles include the user's role, else the first one.</summary>
    public static Milestone CurrentMilestone(CareerPath path, string? role) =>
        path.Milestones.FirstOrDefault(m => role is not null && m.Roles.Contains(role)) ?? path.Milestones[0];

    private static async Task<Reply> ChooseAsync(TurnContext context, string answer, CancellationToken cancellationToken)
    {
        if (SettingsParser.Pick(answer, ContentVocabulary.PathIds, id => SettingsText.Path(context, id)) is not { } chosen)
        {
            return Ask(context, context.T("path.error.unknown", ("value", answer.Trim())));
        }

        if (chosen != context.Profile.CareerPath)
        {
            await context.UpdateProfileAsync(p => p with { CareerPath = chosen }, cancellationToken);
            return Show(context, context.T("path.switched", ("title", SettingsText.Path(context, chosen))));
        }

        return Show(context, null);
    }

    private static Reply Ask(TurnContext context, string? error)
    {
        var paths = context.Content.Paths;
        var question = context.T("path.choose");
        var fields = paths.Select((p, i) => new ReplyField($"{i + 1}. {p.Title}", p.Summary)).ToList();
        var hint = context.T("path.choose_hint");
        return new Reply
        {
            Text = StringTable.Lines(error, question, SettingsText.AsLines(fields), hint),
            Sections = [.. error is null ? Array.Empty<ReplySection>() : [new ReplySection { Body = error }], new ReplySection { Title = question, Fields = fields, Body = hint }],
            Buttons = [.. paths.Select((p, i) => ReplyButton.With($"{i + 1}. {p.Title}", ChooseAction, "value", p.Id))],
            IsError = error is not null,
        };
    }

    private static Reply Show(TurnContext context, string? message)
    {
        var path = context.Content.Paths.First(p => p.Id == context.Profile.CareerPath);
        var current = CurrentMilestone(path, context.Profile.Role);
        var title = context.T("path.title", ("title", path.Title));
        var milestones = path.Milestones.Select((m, i) =>
        {
            var label = $"{i + 1}. {m.Title}" + (m.TypicalYears is { } years ? " " + context.T("path.years", ("years", years)) : string.Empty);
            return new ReplyField(m == current ? context.T("path.current", ("title", label)) : label, m.Detail);
        }).ToList();
        var roleNote = context.Profile.Role is { } role && path.Milestones.Any(m => m.Roles.Contains(role))
            ? null
            : context.T("path.no_role_match");
        var nextTitle = context.T("path.next_step", ("title", current.Title));
        var salary = Salary(context);
        return new Reply
        {
            Text = StringTable.Lines(message, title, path.Summary, SettingsText.AsLines(milestones), roleNote, nextTitle, current.NextStep,
                StringTable.Lines([.. salary.Select(s => StringTable.Lines(s.Title, s.Body, SettingsText.AsLines(s.Fields)))])),
            Sections =
            [
                .. message is null ? Array.Empty<ReplySection>() : [new ReplySection { Body = message }],
                new ReplySection { Title = title, Body = StringTable.Lines(path.Summary, roleNote), Fields = milestones },
                new ReplySection { Title = nextTitle, Body = current.NextStep },
                .. salary,
            ],
            Buttons =
            [
                .. context.Content.Paths.Where(p => p.Id != path.Id)
                    .Select(p => ReplyButton.With(context.T("path.button.switch", ("title", p.Title)), ChooseAction, "value", p.Id)),
                ReplyButton.Command(context.T("path.button.roles"), "roles"),
                ReplyButton.Command(context.T("button.today"), "today", ButtonStyle.Primary),
            ],
        };
    }

    /// <summary>
    /// The seed article's salary facts, where the user plans their road: the overview, the ranges by company size, the
    /// factors that move the figure, and the source line naming the article.
    /// </summary>
    private static List<ReplySection> Salary(TurnContext context)
    {
        var facts = context.Content.Salary;
        static List<ReplyField> Fields(IEnumerable<SalaryFact> list) => [.. list.Select(f => new ReplyField(f.Label, f.Value))];
        return
        [
            new ReplySection { Title = context.T("path.salary.title"), Body = facts.Summary },
            new ReplySection { Title = context.T("path.salary.by_company_size"), Fields = Fields(facts.ByCompanySize) },
            new ReplySection { Title = context.T("path.salary.factors"), Fields = Fields(facts.Factors) },
            new ReplySection { Body = facts.Source },
        ];
    }
}
