using CoachBot.Core.Habits;
using CoachBot.Core.Missions;
using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CoachBot.Host.Tests;

/// <summary>The missions chart: one PNG, a bar per mission split into the steps for the role, the focus marked.</summary>
public sealed class MissionChartRendererTests
{
    private static readonly ChartFonts Fonts = new(Options.Create(new ChartsOptions()), NullLogger<ChartFonts>.Instance);

    private static readonly MissionChartRenderer Renderer = new(ChartSamples.Content, Fonts);

    [Theory]
    [InlineData("en", ChartTheme.Light)]
    [InlineData("ja", ChartTheme.Light)]
    [InlineData("ja", ChartTheme.Dark)]
    public void Render_IsAPngOfTheChartSize_InEitherLanguage(string language, ChartTheme theme)
    {
        var overview = Overview(language, focus: "evaluation");

        var png = Renderer.Render(overview, language, theme);

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(6, overview.Missions.Count);
        Assert.Equal((MissionChartRenderer.Width, MissionChartRenderer.HeightFor(6)), (bitmap.Width, bitmap.Height));
        Assert.InRange(png.Length, 5_000, 1_000_000);
        Assert.Equal(ChartPalette.For(theme).Card, bitmap.GetPixel(5, 5));
    }

    [Fact]
    public void Render_JapaneseAndEnglish_DrawDifferentTitles()
    {
        // With a CJK font, ja draws Japanese titles; without one it falls back to the English picture.
        var en = Renderer.Render(Overview("en"), "en");
        var ja = Renderer.Render(Overview("ja"), "ja");

        if (Fonts.CjkFontName is null)
        {
            Assert.Equal(en, ja);
        }
        else
        {
            Assert.NotEqual(en, ja);
        }
    }

    [Fact]
    public void Render_DoneStepsAreFilled_TheRestEmpty_AndTheFocusInItsOwnColour()
    {
        // Evaluation (the third mission) has 2 steps done and is the focus; development (the second) has 1, not focused.
        var overview = Overview("en", focus: "evaluation", done: new() { ["development"] = 1, ["evaluation"] = 2 });
        var palette = ChartPalette.Light;

        using var bitmap = SKBitmap.Decode(Renderer.Render(overview, "en"));

        var development = overview.Missions[1].Standing.StepsForRole;
        var evaluation = overview.Missions[2].Standing.StepsForRole;
        Assert.True(development >= 2 && evaluation >= 3, "the sample role sees several steps of both");
        Assert.Equal(palette.ActionColor(0), Segment(bitmap, 1, 0, development));
        Assert.Equal(palette.EmptyDay, Segment(bitmap, 1, 1, development));
        Assert.Equal(palette.Streak, Segment(bitmap, 2, 0, evaluation));
        Assert.Equal(palette.Streak, Segment(bitmap, 2, 1, evaluation));
        Assert.Equal(palette.EmptyDay, Segment(bitmap, 2, 2, evaluation));
        Assert.Equal(palette.EmptyDay, Segment(bitmap, 0, 0, overview.Missions[0].Standing.StepsForRole));

        // The focus stripe left of the bars, on the focus row only.
        var focusBar = MissionChartRenderer.Bar(2);
        var otherBar = MissionChartRenderer.Bar(1);
        Assert.Equal(palette.Streak, bitmap.GetPixel((int)MissionChartRenderer.Margin - 15, (int)focusBar.MidY));
        Assert.Equal(palette.Card, bitmap.GetPixel((int)MissionChartRenderer.Margin - 15, (int)otherBar.MidY));
    }

    /// <summary>The colour at the middle of step <paramref name="step"/> of the bar of mission <paramref name="row"/>.</summary>
    private static SKColor Segment(SKBitmap bitmap, int row, int step, int steps)
    {
        var bar = MissionChartRenderer.Bar(row);
        var width = (bar.Width - (4 * (steps - 1))) / steps;
        return bitmap.GetPixel((int)(bar.Left + (step * (width + 4)) + (width / 2)), (int)bar.MidY);
    }

    private static MissionOverview Overview(string language, string? focus = null, Dictionary<string, int>? done = null)
    {
        var content = ChartSamples.Content.For(language);
        var profile = new UserProfile { User = new UserRef("local", "local", "sample"), Role = "manager", CareerPath = "internal", Language = language, MissionFocus = focus };
        var log = new List<PracticeEntry>();
        foreach (var (missionId, count) in done ?? [])
        {
            var steps = content.FindMission(missionId)!.Steps.Where(s => s.FitsRole("manager") && s.FitsPath("internal")).Take(count);
            log.AddRange(steps.Select(s => new PracticeEntry(profile.User, "p-" + s.Id, ChartSamples.Today, s.ActionId, s.Id, null, DateTimeOffset.UnixEpoch)));
        }

        return MissionStandingService.Build(profile, content, ChartSamples.Today, log, null, 0, 0);
    }
}
