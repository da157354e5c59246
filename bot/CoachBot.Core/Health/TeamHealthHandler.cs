using CoachBot.Content.Model;
using CoachBot.Core.Conversation;

namespace CoachBot.Core.Health;

/// <summary>
/// <c>team health</c> for a lead: the org-health indicators CoachBot can compute for their team, as figures of three
/// or more people with a chart each, the seed's indicators it cannot see, and the own numbers of members who chose
/// <c>share</c>. <c>share</c> and <c>share off</c> give and take back that consent.
/// </summary>
public sealed class TeamHealthHandler : ICommandHandler
{
    public const string HealthVerb = "team health";
    public const string ShareVerb = "share";
    public const string ShareOffVerb = "share off";

    /// <summary>The seed's indicators that need data CoachBot never sees.</summary>
    public static readonly IReadOnlyList<string> OutsideIndicators =
        ["engagement", "attrition", "hiring-success-rate", "deployment-frequency", "lead-time", "recovery-time"];

    private readonly TeamHealthService _health;
    private readonly ITeamHealthChartLinks? _charts;

    public TeamHealthHandler(TeamHealthService health, IEnumerable<ITeamHealthChartLinks> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        _health = health;
        _charts = charts.LastOrDefault();
    }

    public IReadOnlyList<string> Verbs { get; } = [HealthVerb, ShareVerb, ShareOffVerb];

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var arguments = command.Arguments.Trim();
        return command.Verb switch
        {
            ShareOffVerb => await ShareAsync(context, on: false, cancellationToken),
            ShareVerb when arguments.Length == 0 || arguments.Equals("on", StringComparison.OrdinalIgnoreCase) => await ShareAsync(context, on: true, cancellationToken),
            ShareVerb => new Reply { Text = context.T("health.share.usage", ("given", arguments)) },
            _ => await HealthAsync(context, cancellationToken),
        };
    }

    private static async Task<Reply> ShareAsync(TurnContext context, bool on, CancellationToken cancellationToken)
    {
        var was = context.Profile.ShareWithLeads;
        await context.UpdateProfileAsync(p => p with { ShareWithLeads = on }, cancellationToken);
        var key = (on, was) switch
        {
            (true, true) => "health.share.already_on",
            (true, false) => "health.share.on",
            (false, false) => "health.share.already_off",
            _ => "health.share.off",
        };
        return new Reply
        {
            Text = context.T(key, ("min", HealthAggregation.MinPeople)),
            Buttons = [ReplyButton.Command(context.T(on ? "health.button.share_off" : "health.button.share_on"), on ? ShareOffVerb : ShareVerb)],
        };
    }

    private async Task<Reply> HealthAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var report = await _health.BuildAsync(context.Profile, context.Now, cancellationToken);
        return Render(context.Content, context.Profile.User, context.Profile.Language, report, _charts);
    }

    /// <summary>The reply for <paramref name="report"/>; also what the home section links to.</summary>
    public static Reply Render(ContentCatalog content, Users.UserRef lead, string language, TeamHealthReport report, ITeamHealthChartLinks? charts)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(report);
        var s = content.Strings;
        var title = s.Format("health.title");
        if (!report.Team.IsLead && report.Team.Members.Count == 0)
        {
            var none = s.Format("health.no_team");
            return new Reply { Text = StringTable.Lines(title, none), Sections = [new ReplySection { Title = title, Body = none }] };
        }

        var sections = new List<ReplySection>();
        var teamLine = s.Format(
            "health.team",
            ("count", report.Team.Members.Count),
            ("reports", report.Team.Reports.Count),
            ("channels", report.Team.Channels.Count == 0 ? s.Format("health.team.no_channels") : string.Join(", ", report.Team.Channels.Select(c => c.DisplayName))));
        if (report.TooSmall)
        {
            sections.Add(new ReplySection { Title = title, Body = StringTable.Lines(teamLine, s.Format("health.too_small", ("count", report.Team.Members.Count), ("min", HealthAggregation.MinPeople))) });
        }
        else
        {
            sections.Add(new ReplySection { Title = title, Body = StringTable.Lines(teamLine, s.Format("health.privacy", ("min", HealthAggregation.MinPeople), ("weeks", TeamHealthService.Weeks))) });
            foreach (var series in report.Series)
            {
                var name = IndicatorTitle(content, series.IndicatorId);
                var body = StringTable.Lines(
                    Summary(content, series),
                    series.HiddenWeeks > 0 ? s.Format("health.hidden_weeks", ("hidden", series.HiddenWeeks), ("weeks", series.Points.Count), ("min", HealthAggregation.MinPeople)) : null);
                sections.Add(new ReplySection { Title = name, Body = body });
                if (charts is not null && series.Points.Any(p => p is not null))
                {
                    sections.Add(new ReplySection
                    {
                        Image = new ReplyImage(charts.CreateUrl(lead, language, series.IndicatorId), s.Format("health.chart.alt", ("indicator", name), ("weeks", series.Points.Count), ("min", HealthAggregation.MinPeople))),
                    });
                }
            }

            var outside = OutsideIndicators
                .Select(id => content.HealthIndicators.FirstOrDefault(i => i.Id == id)?.Title)
                .OfType<string>()
                .ToList();
            sections.Add(new ReplySection { Title = s.Format("health.outside.title"), Body = s.Format("health.outside", ("indicators", Join(content, outside))) });
        }

        if (report.Shared.Count > 0)
        {
            sections.Add(new ReplySection
            {
                Title = s.Format("health.shared.title"),
                Fields = [.. report.Shared.Select(p => new ReplyField(p.Name ?? p.Person.UserId, SharedLine(content, p)))],
            });
        }

        return new Reply
        {
            Text = StringTable.Lines([.. sections.SelectMany(x => new[] { x.Title, x.Body, x.Fields.Count == 0 ? null : string.Join("\n", x.Fields.Select(f => $"• {f.Label}: {f.Value}")) })]),
            Sections = sections,
            Buttons = [ReplyButton.Command(s.Format("health.button.status"), "team reflection status"), ReplyButton.Command(s.Format("health.button.agenda"), "1on1 list")],
        };
    }

    /// <summary>The seed's title for its indicators, the strings' title for the ones CoachBot adds.</summary>
    public static string IndicatorTitle(ContentCatalog content, string id)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.HealthIndicators.FirstOrDefault(i => i.Id == id)?.Title ?? content.Strings.Format($"health.indicator.{id.Replace('-', '_')}");
    }

    private static string Summary(ContentCatalog content, HealthSeries series)
    {
        var s = content.Strings;
        var recent = series.Total(4);
        var all = series.Total(series.Points.Count);
        if (all.Hidden)
        {
            return s.Format("health.no_data", ("min", HealthAggregation.MinPeople));
        }

        switch (series.IndicatorId)
        {
            case HealthIndicatorIds.ReflectionThemes:
                var themes = content.Actions.Select((a, i) => (a.Title, Count: i < all.Parts.Count ? all.Parts[i] : 0)).Where(t => t.Count > 0).OrderByDescending(t => t.Count).ToList();
                return themes.Count == 0
                    ? s.Format("health.themes.none", ("min", HealthAggregation.MinAnswersPerTheme))
                    : s.Format("health.themes", ("answers", all.Denominator), ("themes", Join(content, themes.Select(t => s.Format("health.themes.item", ("action", t.Title), ("count", t.Count))))));
            case HealthIndicatorIds.PracticeBalance:
                var total = all.Parts.Sum();
                var shares = content.Actions.Select((a, i) => s.Format("health.balance.item", ("action", a.Title), ("percent", Percent(i < all.Parts.Count ? all.Parts[i] : 0, total))));
                var least = content.Actions.Select((a, i) => (a.Title, Count: i < all.Parts.Count ? all.Parts[i] : 0)).OrderBy(t => t.Count).First();
                return StringTable.Lines(
                    s.Format("health.balance", ("count", total), ("shares", Join(content, shares))),
                    s.Format("health.balance.least", ("action", least.Title)));
            default:
                var key = $"health.rate.{series.IndicatorId.Replace('-', '_')}";
                var line = recent.Hidden
                    ? s.Format("health.rate.no_recent", ("percent", all.Percent ?? 0))
                    : s.Format(key, ("done", recent.Numerator), ("of", recent.Denominator), ("percent", recent.Percent ?? 0), ("percent12", all.Percent ?? 0));
                return series.IndicatorId == HealthIndicatorIds.ReflectionParticipation ? StringTable.Lines(line, Trend(content, series)) : line;
        }
    }

    /// <summary>The last four weeks against the four before: rising, falling (by 10 points or more) or steady.</summary>
    private static string? Trend(ContentCatalog content, HealthSeries series)
    {
        var recent = series.Total(4);
        var before = new HealthSeries(series.IndicatorId, [.. series.Points.Take(series.Points.Count - 4)]).Total(4);
        if (recent.Percent is not { } now || before.Percent is not { } then)
        {
            return null;
        }

        var key = (now - then) switch
        {
            >= 10 => "health.trend.rising",
            <= -10 => "health.trend.falling",
            _ => "health.trend.steady",
        };
        return content.Strings.Format(key, ("now", now), ("before", then));
    }

    private static string SharedLine(ContentCatalog content, SharedNumbers p)
    {
        var s = content.Strings;
        var practice = Join(content, content.Actions.Select((a, i) => s.Format("health.shared.item", ("action", a.Title), ("count", i < p.Practice.Count ? p.Practice[i] : 0))));
        return s.Format("health.shared.line", ("practice", practice), ("answered", p.Answered), ("held", p.Held), ("planned", p.Planned), ("weeks", TeamHealthService.Weeks));
    }

    /// <summary>Items of a list in one line, joined as the language writes lists (as help does).</summary>
    private static string Join(ContentCatalog content, IEnumerable<string> items) =>
        string.Join(content.Language == "ja" ? "、" : ", ", items);

    private static int Percent(int part, int total) => total <= 0 ? 0 : (int)Math.Round(100.0 * part / total, MidpointRounding.AwayFromZero);
}
