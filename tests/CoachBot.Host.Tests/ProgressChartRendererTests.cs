using CoachBot.Core.Habits;
using CoachBot.Host.Charts;
using SkiaSharp;

namespace CoachBot.Host.Tests;

/// <summary>The designed progress chart drawn by the real renderer from a sample report (no host, no stores).</summary>
public sealed class ProgressChartRendererTests
{
    /// <summary>The backgrounds of Slack's and Teams' dark themes, which the card must stand out from or blend into.</summary>
    private static readonly SKColor[] DarkClients = [new(0x1A, 0x1D, 0x21), new(0x29, 0x29, 0x29), new(0x1F, 0x1F, 0x1F)];

    [Theory]
    [InlineData(ChartTheme.Light)]
    [InlineData(ChartTheme.Dark)]
    public async Task Render_IsAPngOf1200By860_OnAnOpaqueCardOfTheTheme(ChartTheme theme)
    {
        var png = ChartSamples.Renderer().Render(await ChartSamples.ReportAsync(), "en", theme);

        using var codec = SKCodec.Create(new MemoryStream(png));
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((1200, 860), (bitmap.Width, bitmap.Height));
        var palette = ChartPalette.For(theme);
        Assert.Equal(palette.Card, bitmap.GetPixel(2, 2));
        Assert.Equal(palette.Card, bitmap.GetPixel(bitmap.Width - 3, bitmap.Height - 3));
    }

    [Theory]
    [InlineData(ChartTheme.Light)]
    [InlineData(ChartTheme.Dark)]
    public async Task Render_EachCalendarDay_IsShadedByItsPracticeCount_AndDaysOffAreOutlinesOnly(ChartTheme theme)
    {
        var report = await ChartSamples.ReportAsync();
        var palette = ChartPalette.For(theme);
        using var bitmap = SKBitmap.Decode(ChartSamples.Renderer().Render(report, "en", theme));
        var start = ProgressReportService.CalendarStart(report.Today);

        // The sample has every level and every kind of day, so each branch below is checked.
        Assert.Equal([0, 1, 2, 3, 4], report.Calendar.Select(d => ChartPalette.LevelOf(d.Practices)).Distinct().Order());
        Assert.Contains(report.Calendar, d => d.Kind == CalendarDayKind.NonWorking && d.Practices == 0);
        Assert.Contains(report.Calendar, d => d.Kind == CalendarDayKind.Paused && d.Practices == 0);
        Assert.Contains(report.Calendar, d => d.Kind == CalendarDayKind.NonWorking && d.Practices > 0);

        foreach (var day in report.Calendar)
        {
            var cell = ProgressChartLayout.DayCell(start, day.Date);
            var expected = day.Practices > 0 || day.Kind == CalendarDayKind.Counting ? palette.DayColor(day.Practices) : palette.Card;
            Assert.True(
                expected == bitmap.GetPixel((int)cell.Left + 7, (int)cell.Top + 7),
                $"{day.Date} ({day.Practices} practices, {day.Kind}): expected {expected}, drawn {bitmap.GetPixel((int)cell.Left + 7, (int)cell.Top + 7)}");
        }
    }

    [Fact]
    public async Task Render_TheCurrentStreak_IsRingedInTheStreakColour_AndNoOtherDayIs()
    {
        var report = await ChartSamples.ReportAsync();
        var palette = ChartPalette.Light;
        using var bitmap = SKBitmap.Decode(ChartSamples.Renderer().Render(report, "en"));
        var start = ProgressReportService.CalendarStart(report.Today);
        var streak = ProgressChartRenderer.StreakDays(report);

        Assert.Equal(report.Streak.Current, streak.Count);
        Assert.True(streak.Count >= 8, $"the sample's streak is {streak.Count}");
        foreach (var day in report.Calendar)
        {
            var cell = ProgressChartLayout.DayCell(start, day.Date);
            var ring = bitmap.GetPixel((int)cell.Left - 1, (int)cell.MidY);
            Assert.True(streak.Contains(day.Date) ? ring == palette.Streak : ring != palette.Streak, $"{day.Date}: {ring}");
        }
    }

    [Fact]
    public async Task Render_ActionBars_AreAsTallAsTheirWeekAgainstTheBusiestWeek()
    {
        var report = await ChartSamples.ReportAsync();
        var palette = ChartPalette.Light;
        using var bitmap = SKBitmap.Decode(ChartSamples.Renderer().Render(report, "en"));
        var max = report.Actions.SelectMany(a => a.Weekly).Max();

        for (var i = 0; i < report.Actions.Count; i++)
        {
            Assert.Equal(report.Actions[i].Last12Weeks, report.Actions[i].Weekly.Sum());
            for (var week = 0; week < 12; week++)
            {
                var bar = ProgressChartLayout.WeekBar(i, week, 12);
                var height = bar.Height * report.Actions[i].Weekly[week] / max;
                var x = (int)bar.MidX;

                // Just inside the bar's top is the action's colour; just above it is not.
                var inside = bitmap.GetPixel(x, (int)(bar.Bottom - height + 3));
                var above = bitmap.GetPixel(x, (int)(bar.Bottom - height - 3));
                Assert.True(height < 4 || inside == palette.ActionColor(i), $"action {i} week {week}: {inside}");
                Assert.NotEqual(palette.ActionColor(i), above);
            }
        }
    }

    [Theory]
    [InlineData(ChartTheme.Light)]
    [InlineData(ChartTheme.Dark)]
    public void Palette_EveryColourThatCarriesInformation_HasAtLeast3To1AgainstTheCard_AndTextAtLeast4Point5(ChartTheme theme)
    {
        var palette = ChartPalette.For(theme);

        foreach (var (name, color) in palette.InformationColors)
        {
            var ratio = ChartPalette.ContrastRatio(color, palette.Card);
            Assert.True(ratio >= 3, $"{theme} {name} {color}: {ratio:F2}:1 against the card");
        }

        Assert.True(ChartPalette.ContrastRatio(palette.Text, palette.Card) >= 4.5);
        Assert.True(ChartPalette.ContrastRatio(palette.Muted, palette.Card) >= 4.5);

        // More practice is always further from the card, so the calendar reads as "more" in both themes.
        var levels = palette.Practice.Prepend(palette.EmptyDay).Select(c => ChartPalette.ContrastRatio(c, palette.Card)).ToList();
        Assert.Equal(levels.Order(), levels);
        Assert.Equal(levels.Count, levels.Distinct().Count());
        Assert.Equal(5, palette.Actions.Distinct().Count());
    }

    [Fact]
    public void Palette_ContrastRatio_MatchesTheWcagExamples()
    {
        Assert.Equal(21, ChartPalette.ContrastRatio(SKColors.Black, SKColors.White), 3);
        Assert.Equal(1, ChartPalette.ContrastRatio(SKColors.Gray, SKColors.Gray), 3);
        Assert.Equal(4.54, ChartPalette.ContrastRatio(new SKColor(0x76, 0x76, 0x76), SKColors.White), 2);
    }

    [Fact]
    public void Palette_TheLightCard_StandsOutOnSlackAndTeamsDarkThemes()
    {
        // The default card is opaque white: on a dark client it is a light card whose contents keep their contrast.
        foreach (var client in DarkClients)
        {
            Assert.True(ChartPalette.ContrastRatio(ChartPalette.Light.Card, client) >= 3, client.ToString());
        }
    }

    [Fact]
    public async Task Render_Japanese_UsesTheCjkFontWhenThereIsOne_OtherwiseEnglishLabels()
    {
        var renderer = ChartSamples.Renderer();
        var fonts = new ChartFonts(Microsoft.Extensions.Options.Options.Create(new ChartsOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<ChartFonts>.Instance);

        var english = renderer.Render(await ChartSamples.ReportAsync("en"), "en");
        var japanese = renderer.Render(await ChartSamples.ReportAsync("ja"), "ja");

        // Either branch is a real check: with no CJK font installed the ja chart is exactly the English one.
        if (fonts.CjkFontName is null)
        {
            Assert.Equal(english, japanese);
        }
        else
        {
            Assert.NotEqual(english, japanese);
        }
    }

    [Fact]
    public async Task Render_NoDataAtAll_DrawsTheEmptyChart()
    {
        var report = await ChartSamples.ReportAsync(empty: true);
        var palette = ChartPalette.Light;
        using var bitmap = SKBitmap.Decode(ChartSamples.Renderer().Render(report, "en"));
        var start = ProgressReportService.CalendarStart(report.Today);

        Assert.All(report.Calendar, d => Assert.Equal(0, d.Practices));
        foreach (var day in report.Calendar.Where(d => d.Kind == CalendarDayKind.Counting))
        {
            var cell = ProgressChartLayout.DayCell(start, day.Date);
            Assert.Equal(palette.EmptyDay, bitmap.GetPixel((int)cell.Left + 7, (int)cell.Top + 7));
        }
    }
}
