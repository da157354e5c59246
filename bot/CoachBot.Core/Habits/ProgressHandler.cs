using System.Globalization;
using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Time;

namespace CoachBot.Core.Habits;

/// <summary>
/// <c>progress</c>: streak, practice per action over 4 and 12 weeks, balance across the five actions and the skill
/// self-assessment trend, as text and fields, with a link to the same numbers drawn as a chart.
/// </summary>
public sealed class ProgressHandler : ICommandHandler
{
    private readonly ProgressReportService _reports;
    private readonly IProgressChartLinks _charts;

    public ProgressHandler(ProgressReportService reports, IProgressChartLinks charts)
    {
        _reports = reports;
        _charts = charts;
    }

    public IReadOnlyList<string> Verbs { get; } = ["progress"];

    public bool IsDailyPractice => true;

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        var content = context.Content;
        var report = await _reports.BuildAsync(context.Profile, content, context.LocalToday, cancellationToken);
        var title = context.T("progress.title");
        var streak = context.T("progress.streak", ("current", report.Streak.Current), ("longest", report.Streak.Longest));

        var fields = new List<ReplyField> { new(context.T("progress.field.streak"), streak) };
        var lines = new List<string?> { title, $"{context.T("progress.field.streak")}: {streak}", context.T("progress.streak_rest") };
        if (report.Total12Weeks == 0)
        {
            lines.Add(context.T("progress.nothing_yet"));
        }
        else
        {
            var counts = string.Join("\n", report.Actions.Select(a =>
                a.Last12Weeks == 0
                    ? context.T("progress.count_line_none", ("action", Title(content, a.ActionId)))
                    : context.T("progress.count_line", ("action", Title(content, a.ActionId)), ("weeks4", a.Last4Weeks), ("weeks12", a.Last12Weeks))));
            var balance = string.Join("\n", report.Actions.Select(a =>
                context.T("progress.balance_line", ("action", Title(content, a.ActionId)), ("share", a.SharePercent))));
            fields.Add(new ReplyField(context.T("progress.field.counts"), counts));
            fields.Add(new ReplyField(context.T("progress.field.balance"), balance));
            lines.AddRange([context.T("progress.field.counts"), counts, context.T("progress.field.balance"), balance]);
        }

        var neglected = report.NeglectedActionId is { } id ? context.T("progress.neglected", ("action", Title(content, id))) : null;
        lines.Add(neglected);

        var skills = SkillsText(context, report);
        fields.Add(new ReplyField(context.T("progress.field.skills"), skills));
        lines.AddRange([context.T("progress.field.skills"), skills]);

        var buttons = new List<ReplyButton>();
        if (report.NeglectedActionId is { } neglectedId)
        {
            buttons.Add(ReplyButton.With(context.T("button.log_action", ("action", Title(content, neglectedId))), HabitHandler.LogFormAction, "action", neglectedId, ButtonStyle.Primary));
        }

        buttons.Add(ReplyButton.Command(context.T("button.today"), "today", report.NeglectedActionId is null ? ButtonStyle.Primary : ButtonStyle.Default));
        buttons.Add(ReplyButton.Command(context.T("button.skills"), "skills"));

        return new Reply
        {
            Text = StringTable.Lines([.. lines]),
            Sections =
            [
                new ReplySection { Title = title, Body = neglected, Fields = fields },
                new ReplySection
                {
                    Image = new ReplyImage(_charts.CreateUrl(context.Profile.User, context.Profile.Language), ProgressChartAltText.Describe(report, content)),
                },
            ],
            Buttons = buttons,
        };
    }

    private static string SkillsText(TurnContext context, ProgressReport report)
    {
        if (report.LatestSkills is not { } latest)
        {
            return context.T("progress.skills_none");
        }

        var skills = context.Content.Skills;
        if (report.PreviousSkills is not { } previous)
        {
            return StringTable.Lines([
                .. skills.Where(s => latest.Scores.ContainsKey(s.Id))
                    .Select(s => context.T("progress.skill_line", ("skill", s.Title), ("level", latest.Scores[s.Id]))),
                context.T("progress.skills_first", ("month", LanguageCultures.MonthYear(latest.Month, context.Profile.Language))),
            ]);
        }

        return StringTable.Lines([
            context.T("progress.skills_compared", ("latest", LanguageCultures.MonthYear(latest.Month, context.Profile.Language)), ("previous", LanguageCultures.MonthYear(previous.Month, context.Profile.Language))),
            .. skills.Where(s => latest.Scores.ContainsKey(s.Id)).Select(s =>
                previous.Scores.TryGetValue(s.Id, out var before)
                    ? context.T("progress.skill_trend_line", ("skill", s.Title), ("level", latest.Scores[s.Id]), ("previous", before), ("change", Change(latest.Scores[s.Id] - before)))
                    : context.T("progress.skill_line", ("skill", s.Title), ("level", latest.Scores[s.Id]))),
        ]);
    }

    /// <summary>A change as a signed number, e.g. +1, -2, ±0: the same in every language.</summary>
    internal static string Change(int delta) => delta switch
    {
        > 0 => "+" + delta.ToString(CultureInfo.InvariantCulture),
        < 0 => delta.ToString(CultureInfo.InvariantCulture),
        _ => "±0",
    };

    private static string Title(ContentCatalog content, string actionId) => content.FindAction(actionId)?.Title ?? actionId;
}
