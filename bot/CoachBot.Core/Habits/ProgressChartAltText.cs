using CoachBot.Content.Model;
using CoachBot.Core.Time;

namespace CoachBot.Core.Habits;

/// <summary>
/// The progress chart's alt text: a short summary in the user's language of what the picture shows (streak, busiest
/// action, skills trend), from the same <see cref="ProgressReport"/> the chart is drawn from, so a screen reader or a
/// client that blocks images still gets the point of the chart.
/// </summary>
public static class ProgressChartAltText
{
    public static string Describe(ProgressReport report, ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(content);
        var strings = content.Strings;
        var practice = report.Busiest is { } busiest
            ? strings.Format(
                "chart.alt.busiest",
                ("total", report.Total12Weeks),
                ("action", content.FindAction(busiest.ActionId)?.Title ?? busiest.ActionId),
                ("count", busiest.Last12Weeks))
            : strings.Format("chart.alt.nothing");

        // One template says what the picture is and joins the sentences: English puts a space between them, Japanese not.
        return strings.Format(
            "chart.alt.summary",
            ("weeks", ProgressReportService.CalendarWeeks),
            ("streak", strings.Format("chart.alt.streak", ("current", report.Streak.Current), ("longest", report.Streak.Longest))),
            ("practice", practice),
            ("skills", Skills(report, content)));
    }

    private static string Skills(ProgressReport report, ContentCatalog content)
    {
        var strings = content.Strings;
        if (report.LatestSkills is not { } latest)
        {
            return strings.Format("chart.alt.skills_none");
        }

        var month = LanguageCultures.MonthYear(latest.Month, content.Language);
        if (report.PreviousSkills is not { } previous)
        {
            return strings.Format("chart.alt.skills_first", ("month", month));
        }

        var changes = latest.Scores
            .Where(s => previous.Scores.ContainsKey(s.Key))
            .Select(s => Math.Sign(s.Value - previous.Scores[s.Key]))
            .ToList();
        return strings.Format(
            "chart.alt.skills_trend",
            ("latest", month),
            ("previous", LanguageCultures.MonthYear(previous.Month, content.Language)),
            ("up", changes.Count(c => c > 0)),
            ("down", changes.Count(c => c < 0)),
            ("same", changes.Count(c => c == 0)));
    }
}
