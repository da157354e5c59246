using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;

namespace CoachBot.Core.Missions;

/// <summary>
/// <c>missions</c>: the six missions of a VPoE with what each means in practice, where the user stands and one next
/// step; <c>missions &lt;mission&gt;</c> shows one in detail; <c>missions focus &lt;mission | off&gt;</c> picks the
/// mission the daily step and the reading suggestion lean toward (docs/decisions/0033-missions.md).
/// </summary>
public sealed class MissionsHandler : ICommandHandler, IActionHandler
{
    /// <summary>Shows one mission (value <c>mission</c>).</summary>
    public const string ShowAction = "missions.show";

    /// <summary>Sets the focus (value <c>mission</c>, or <c>off</c> to clear it).</summary>
    public const string FocusAction = "missions.focus";

    /// <summary>Makes a mission step today's step (value <c>step</c>).</summary>
    public const string TryAction = "missions.try";

    /// <summary>The value of <see cref="FocusAction"/> that clears the focus.</summary>
    public const string Off = "off";

    private const string FocusWord = "focus";

    private readonly MissionStandingService _standing;
    private readonly IMissionChartLinks? _charts;

    /// <param name="standing">Where the user stands on each mission.</param>
    /// <param name="charts">The host's missions chart links, when it offers them; without any, the overview has no chart.</param>
    public MissionsHandler(MissionStandingService standing, IEnumerable<IMissionChartLinks> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        _standing = standing;
        _charts = charts.LastOrDefault();
    }

    public IReadOnlyList<string> Verbs { get; } = ["missions"];

    public bool IsDailyPractice => true;

    public string ActionPrefix => "missions.";

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        var arguments = command.Arguments.Trim();
        if (arguments.Length == 0)
        {
            return await OverviewAsync(context, cancellationToken);
        }

        var parts = arguments.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (IsFocusWord(context, parts[0]))
        {
            return await FocusAsync(context, parts.Length > 1 ? parts[1].Trim() : string.Empty, cancellationToken);
        }

        return FindMission(context.Content, arguments) is { } mission
            ? await DetailAsync(context, mission, cancellationToken)
            : Unknown(context, arguments);
    }

    public async Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken) =>
        action.Id switch
        {
            ShowAction => action.Value("mission") is { } id && context.Content.FindMission(id) is { } mission
                ? await DetailAsync(context, mission, cancellationToken)
                : await OverviewAsync(context, cancellationToken),
            FocusAction => await FocusAsync(context, action.Value("mission") ?? string.Empty, cancellationToken),
            TryAction => await TryAsync(context, action.Value("step"), cancellationToken),
            _ => new Reply { Text = context.T("error.unknown_action"), IsError = true },
        };

    private async Task<Reply> OverviewAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var overview = await _standing.BuildAsync(context.Profile, context.Content, context.LocalToday, cancellationToken);
        var title = context.T("missions.title");
        var focusLine = FocusLine(context, overview);
        var lines = new List<string?> { title, context.T("missions.intro"), focusLine };
        var sections = new List<ReplySection>
        {
            new()
            {
                Title = title,
                Body = StringTable.Lines(context.T("missions.intro"), focusLine),
                Image = _charts is null
                    ? null
                    : new ReplyImage(_charts.CreateUrl(context.Profile.User, context.Profile.Language), MissionChartAltText.Describe(overview, context.Content)),
            },
        };
        foreach (var (item, index) in overview.Missions.Select((m, i) => (m, i)))
        {
            var heading = Heading(context, item.Mission, index, overview.FocusId);
            var standing = StandingLine(context, item.Standing);
            var next = NextLine(context, item.NextStep);
            lines.AddRange([string.Empty, heading, item.Mission.Practice, $"{context.T("missions.field.standing")}: {standing}", $"{context.T("missions.field.next")}: {next}"]);
            sections.Add(new ReplySection
            {
                Title = heading,
                Body = item.Mission.Practice,
                Fields = [new ReplyField(context.T("missions.field.standing"), standing), new ReplyField(context.T("missions.field.next"), next)],
            });
        }

        lines.Add(context.T("missions.choose_hint"));
        return new Reply
        {
            Text = StringTable.Lines([.. lines]),
            Sections = sections,
            Buttons =
            [
                .. overview.Missions.Select(m => ReplyButton.With(
                    m.Mission.Title, ShowAction, "mission", m.Mission.Id,
                    m.Mission.Id == overview.FocusId ? ButtonStyle.Primary : ButtonStyle.Default)),
                ReplyButton.Command(context.T("button.today"), "today"),
            ],
        };
    }

    private async Task<Reply> DetailAsync(TurnContext context, Mission mission, CancellationToken cancellationToken)
    {
        var overview = await _standing.BuildAsync(context.Profile, context.Content, context.LocalToday, cancellationToken);
        var item = overview.Missions.First(m => m.Mission.Id == mission.Id);
        var index = overview.Missions.ToList().IndexOf(item);
        var heading = Heading(context, mission, index, overview.FocusId);
        var activities = string.Join("\n", mission.Activities.Select(a => "• " + a));
        var standing = StandingLine(context, item.Standing);
        var evidence = Evidence(context, mission, item.Standing);
        var next = NextLine(context, item.NextStep);
        var fields = new List<ReplyField>
        {
            new(context.T("missions.field.practice"), mission.Practice),
            new(context.T("missions.field.activities"), activities),
            new(context.T("missions.field.standing"), standing),
            new(context.T("missions.field.evidence"), evidence),
            new(context.T("missions.field.next"), next),
        };
        var buttons = new List<ReplyButton>();
        if (item.NextStep is { } step)
        {
            buttons.Add(ReplyButton.With(context.T("missions.button.try"), TryAction, "step", step.Id, ButtonStyle.Primary));
        }

        buttons.Add(overview.FocusId == mission.Id
            ? ReplyButton.With(context.T("missions.button.unfocus"), FocusAction, "mission", Off)
            : ReplyButton.With(context.T("missions.button.focus"), FocusAction, "mission", mission.Id));
        buttons.Add(ReplyButton.Command(context.T("missions.button.all"), "missions"));
        return new Reply
        {
            Text = StringTable.Lines([heading, mission.Summary, .. fields.Select(f => $"{f.Label}:\n{f.Value}")]),
            Sections = [new ReplySection { Title = heading, Body = mission.Summary, Fields = fields }],
            Buttons = buttons,
        };
    }

    private static async Task<Reply> FocusAsync(TurnContext context, string value, CancellationToken cancellationToken)
    {
        if (value.Length == 0)
        {
            return ChooseFocus(context, context.T("missions.focus.ask"));
        }

        if (IsOff(context, value))
        {
            if (context.Profile.MissionFocus is null)
            {
                return Reply.Plain(context.T("missions.focus.none"));
            }

            await context.UpdateProfileAsync(p => p with { MissionFocus = null }, cancellationToken);
            return new Reply
            {
                Text = context.T("missions.focus.cleared"),
                Buttons = [ReplyButton.Command(context.T("missions.button.all"), "missions"), ReplyButton.Command(context.T("button.today"), "today")],
            };
        }

        if (FindMission(context.Content, value) is not { } mission)
        {
            return ChooseFocus(context, context.T("missions.error.unknown", ("value", Shorten(value)), ("missions", MissionList(context)))) with { IsError = true };
        }

        var text = context.Profile.MissionFocus == mission.Id
            ? context.T("missions.focus.already", ("mission", mission.Title))
            : context.T("missions.focus.set", ("mission", mission.Title));
        if (context.Profile.MissionFocus != mission.Id)
        {
            await context.UpdateProfileAsync(p => p with { MissionFocus = mission.Id }, cancellationToken);
        }

        return new Reply
        {
            Text = text,
            Buttons =
            [
                ReplyButton.With(mission.Title, ShowAction, "mission", mission.Id),
                ReplyButton.Command(context.T("button.today"), "today", ButtonStyle.Primary),
                ReplyButton.With(context.T("missions.button.unfocus"), FocusAction, "mission", Off),
            ],
        };
    }

    /// <summary>"Do this step today": the mission step becomes today's step, shown with the usual habit buttons.</summary>
    private static async Task<Reply> TryAsync(TurnContext context, string? stepId, CancellationToken cancellationToken)
    {
        if (stepId is null || context.Content.FindStep(stepId) is not { MissionId: not null } step)
        {
            return new Reply { Text = context.T("error.unknown_action"), IsError = true };
        }

        var today = context.LocalToday;
        await context.UpdateProfileAsync(p => DailyStepService.ForDay(p, today) with { TodayStepId = step.Id }, cancellationToken);
        return DailyStepService.StepReply(context.Content, step);
    }

    private static Reply ChooseFocus(TurnContext context, string message) => new()
    {
        Text = StringTable.Lines(message, MissionList(context)),
        Buttons =
        [
            .. context.Content.Missions.Select(m => ReplyButton.With(
                m.Title, FocusAction, "mission", m.Id)),
        ],
    };

    private static Reply Unknown(TurnContext context, string value) => new()
    {
        Text = StringTable.Lines(context.T("missions.error.unknown", ("value", Shorten(value)), ("missions", MissionList(context)))),
        IsError = true,
        Buttons =
        [
            .. context.Content.Missions.Select(m => ReplyButton.With(
                m.Title, ShowAction, "mission", m.Id)),
        ],
    };

    private static string Heading(TurnContext context, Mission mission, int index, string? focusId)
    {
        var title = $"{index + 1}. {mission.Title}";
        return mission.Id == focusId ? context.T("missions.focus_marker", ("title", title)) : title;
    }

    private static string FocusLine(TurnContext context, MissionOverview overview) =>
        overview.FocusId is { } id && context.Content.FindMission(id) is { } focus
            ? context.T("missions.focus_line", ("mission", focus.Title))
            : context.T("missions.no_focus_line");

    private static string StandingLine(TurnContext context, MissionStanding standing) =>
        context.T("missions.standing_line",
            ("level", context.T($"missions.level.{standing.Level}")),
            ("done", standing.StepsDone),
            ("total", standing.StepsForRole));

    private static string NextLine(TurnContext context, MicroStep? step) =>
        step is null ? context.T("missions.no_step") : context.T("missions.next_line", ("text", step.Text), ("minutes", step.Minutes));

    private static string Evidence(TurnContext context, Mission mission, MissionStanding standing)
    {
        var skills = string.Join(context.Content.Language == "ja" ? "・" : ", ",
            mission.Skills.Select(id => context.Content.Skills.FirstOrDefault(s => s.Id == id)?.Title ?? id));
        return StringTable.Lines(
            context.T("missions.evidence.steps", ("done", standing.StepsDone), ("total", standing.StepsForRole), ("recent", standing.StepsDoneRecently)),
            context.T("missions.evidence.practice", ("count", standing.RelatedPractice)),
            standing.SkillLevel is { } level
                ? context.T("missions.evidence.skills", ("skills", skills), ("level", level))
                : context.T("missions.evidence.skills_none"),
            standing.OneOnOnesHeld is { } held ? context.T("missions.evidence.oneonones", ("count", held)) : null,
            context.T("missions.evidence.how"));
    }

    private static string MissionList(TurnContext context) =>
        string.Join("\n", context.Content.Missions.Select((m, i) =>
            context.T("missions.list_line", ("number", i + 1), ("id", m.Id), ("title", m.Title))));

    private static bool IsFocusWord(TurnContext context, string value) =>
        string.Equals(value, FocusWord, StringComparison.OrdinalIgnoreCase)
        || context.T("missions.focus.words").Split([',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(w => string.Equals(w, value, StringComparison.OrdinalIgnoreCase));

    private static bool IsOff(TurnContext context, string value) =>
        string.Equals(value, Off, StringComparison.OrdinalIgnoreCase)
        || context.T("missions.focus.off_words").Split([',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(w => string.Equals(w, value, StringComparison.OrdinalIgnoreCase));

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    /// <summary>Finds a mission by number (1-6), id (org-design and "org design" read as org_design) or a part of its title.</summary>
    internal static Mission? FindMission(ContentCatalog content, string text)
    {
        var t = text.Trim();
        if (int.TryParse(t, out var n) && n >= 1 && n <= content.Missions.Count)
        {
            return content.Missions[n - 1];
        }

        var id = t.Replace('-', '_').Replace(' ', '_');
        return content.Missions.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? (t.Length >= 2
                ? content.Missions.FirstOrDefault(m => m.Title.Contains(t, StringComparison.OrdinalIgnoreCase))
                : null);
    }
}
