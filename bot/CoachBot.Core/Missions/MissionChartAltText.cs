using CoachBot.Content.Model;

namespace CoachBot.Core.Missions;

/// <summary>
/// The missions chart's alt text: what the picture shows, mission by mission in content order (steps done out of the
/// steps for the user's role, and which one is the focus), from the same <see cref="MissionOverview"/> the chart is
/// drawn from, so a screen reader or a client that blocks images gets every number.
/// </summary>
public static class MissionChartAltText
{
    public static string Describe(MissionOverview overview, ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(overview);
        ArgumentNullException.ThrowIfNull(content);
        var strings = content.Strings;
        var lines = overview.Missions.Select((item, index) =>
        {
            var title = item.Mission.Id == overview.FocusId
                ? strings.Format("missions.focus_marker", ("title", item.Mission.Title))
                : item.Mission.Title;
            return strings.Format(
                item.Standing.StepsForRole == 0 ? "missions.chart.alt_line_none" : "missions.chart.alt_line",
                ("number", index + 1),
                ("title", title),
                ("done", item.Standing.StepsDone),
                ("total", item.Standing.StepsForRole));
        });

        // English puts a space between sentences, Japanese none.
        var separator = content.Language == "ja" ? string.Empty : " ";
        return strings.Format("missions.chart.alt", ("count", overview.Missions.Count), ("missions", string.Join(separator, lines)));
    }
}
