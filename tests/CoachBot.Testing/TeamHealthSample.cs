using CoachBot.Core.Conversation;
using CoachBot.Core.Health;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;

namespace CoachBot.Testing;

/// <summary>A lead's <c>team health</c> reply with every indicator, hidden weeks, charts and one sharer, for render tests.</summary>
public static class TeamHealthSample
{
    public static readonly UserRef Lead = new("slack", "T1", "U-lead");

    /// <summary>The reply in <paramref name="language"/>, with chart links on <paramref name="chartBase"/>.</summary>
    public static Reply Reply(string language, string chartBase = "https://coachbot.example.test")
    {
        var content = TestContent.Library.For(language);
        var members = Enumerable.Range(1, 4).Select(i => new UserRef("slack", "T1", "U" + i)).ToList();
        var mondays = TeamHealthService.WeekMondays(new DateOnly(2026, 11, 24));
        var series = HealthIndicatorIds.All.Select(id => new HealthSeries(id, [
            .. mondays.Select((_, i) => i % 4 == 0
                ? null
                : HealthIndicatorIds.HasParts(id) ? new HealthCell(3, 6, 6, [2, 1, 0, 2, 1]) : new HealthCell(3, 2 + (i % 2), 3, [])),
        ])).ToList();
        var report = new TeamHealthReport(
            new HealthTeam(members, members.Take(2).ToList(), [new TeamChannel("slack", "T1", "C-team")]),
            mondays,
            series,
            [new SharedNumbers(members[0], "Mia", [3, 1, 0, 2, 0], 8, 10, 11)]);
        return TeamHealthHandler.Render(content, Lead, language, report, new Links(chartBase));
    }

    private sealed class Links(string chartBase) : ITeamHealthChartLinks
    {
        public string CreateUrl(UserRef lead, string language, string indicatorId) => $"{chartBase}/charts/health/{indicatorId}-{language}.png";
    }
}
