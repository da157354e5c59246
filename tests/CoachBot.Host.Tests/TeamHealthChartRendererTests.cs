using CoachBot.Core.Health;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CoachBot.Host.Tests;

/// <summary>The team-health chart: a PNG per indicator, hidden weeks drawn as empty slots, bars as tall as the figures.</summary>
public sealed class TeamHealthChartRendererTests
{
    private static readonly TeamHealthChartRenderer Renderer =
        new(ChartSamples.Content, new ChartFonts(Options.Create(new ChartsOptions()), NullLogger<ChartFonts>.Instance));

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void Render_EveryIndicator_IsAPngOfTheChartSize(string language)
    {
        var report = Report();

        foreach (var id in HealthIndicatorIds.All)
        {
            using var bitmap = SKBitmap.Decode(Renderer.Render(report, id, language));

            Assert.Equal((TeamHealthChartRenderer.Width, TeamHealthChartRenderer.Height), (bitmap.Width, bitmap.Height));
        }
    }

    [Fact]
    public void Render_HiddenWeek_HasNoBar_AndAFullWeekHasOne()
    {
        using var bitmap = SKBitmap.Decode(Renderer.Render(Report(), HealthIndicatorIds.OneOnOneCadence, "en"));
        var card = bitmap.GetPixel(5, 5);

        // Week 0 is hidden (an outline near the baseline only); week 1 is 100%: its slot is filled all the way up.
        // Sampled at 70% of the height, clear of the dashed grid lines, the outline and the "hidden" label.
        var hidden = TeamHealthChartRenderer.Slot(0, TeamHealthService.Weeks);
        var full = TeamHealthChartRenderer.Slot(1, TeamHealthService.Weeks);
        static int Y(SKRect slot) => (int)(slot.Top + (slot.Height * 0.7f));
        Assert.Equal(card, bitmap.GetPixel((int)hidden.MidX, Y(hidden)));
        Assert.NotEqual(card, bitmap.GetPixel((int)full.MidX, Y(full)));
    }

    private static TeamHealthReport Report()
    {
        var mondays = TeamHealthService.WeekMondays(new DateOnly(2026, 11, 24));
        var series = HealthIndicatorIds.All.Select(id => new HealthSeries(id, [
            .. mondays.Select((_, i) => i == 0 ? null : new HealthCell(3, 3, 3, HealthIndicatorIds.HasParts(id) ? [1, 2, 0, 0, 3] : [])),
        ])).ToList();
        var members = Enumerable.Range(1, 3).Select(i => new UserRef("local", "local", "m" + i)).ToList();
        return new TeamHealthReport(new HealthTeam(members, [], [new TeamChannel("local", "local", "team-a")]), mondays, series, []);
    }
}
