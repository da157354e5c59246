using CoachBot.Host.Charts;
using SkiaSharp;

namespace CoachBot.Host.Tests;

/// <summary>
/// The screenshots in docs/images, drawn by the real renderer from <see cref="ChartSamples"/>. Files are written only
/// when <c>COACHBOT_CHART_SCREENSHOTS</c> names a folder (relative paths are taken from the repository root), e.g.
/// <c>COACHBOT_CHART_SCREENSHOTS=docs/images dotnet test tests/CoachBot.Host.Tests --filter FullyQualifiedName~ProgressChartScreenshots</c>;
/// otherwise the same pictures are drawn and checked, and nothing is written (docs/charts.md).
/// </summary>
public sealed class ProgressChartScreenshots
{
    public const string Variable = "COACHBOT_CHART_SCREENSHOTS";

    [Theory]
    [InlineData("progress-light.png", "en", ChartTheme.Light, false)]
    [InlineData("progress-dark.png", "en", ChartTheme.Dark, false)]
    [InlineData("progress-ja-light.png", "ja", ChartTheme.Light, false)]
    [InlineData("progress-empty-light.png", "en", ChartTheme.Light, true)]
    public async Task Screenshot_OfTheSampleReport_IsDrawnAndWrittenWhenAsked(string file, string language, ChartTheme theme, bool empty)
    {
        var png = ChartSamples.Renderer().Render(await ChartSamples.ReportAsync(language, empty: empty), language, theme);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((ProgressChartRenderer.Width, ProgressChartRenderer.Height), (bitmap.Width, bitmap.Height));
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder)
        {
            var target = Path.IsPathRooted(folder) ? folder : Path.Combine(RepositoryRoot(), folder);
            Directory.CreateDirectory(target);
            await File.WriteAllBytesAsync(Path.Combine(target, file), png);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoachBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CoachBot.sln not found above " + AppContext.BaseDirectory);
    }
}
