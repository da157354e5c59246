using System.Globalization;
using CoachBot.Content.Model;
using CoachBot.Core.Health;
using CoachBot.Core.Time;
using SkiaSharp;

namespace CoachBot.Host.Charts;

/// <summary>
/// Draws one team-health indicator over the report's weeks as a PNG: a bar per week (a percentage, or for themes and
/// practice balance one stacked segment per action), and a dashed empty slot for a week that stays hidden. The same
/// card, palette and fonts as the progress chart (docs/decisions/0026-designed-progress-charts.md).
/// </summary>
public sealed class TeamHealthChartRenderer
{
    public const int Width = 1200;
    public const int Height = 560;
    private const float Margin = 32;
    private const float PlotLeft = Margin + 56;
    private const float PlotTop = 150;
    private const float PlotBottom = 440;
    private const float PlotRight = Width - Margin;

    private readonly ContentLibrary _content;
    private readonly ChartFonts _fonts;
    private long _renders;

    public TeamHealthChartRenderer(ContentLibrary content, ChartFonts fonts)
    {
        _content = content;
        _fonts = fonts;
    }

    /// <summary>The horizontal slot of week <paramref name="index"/> of <paramref name="weeks"/>.</summary>
    public static SKRect Slot(int index, int weeks)
    {
        var pitch = (PlotRight - PlotLeft) / Math.Max(1, weeks);
        return new SKRect(PlotLeft + (index * pitch) + (pitch * 0.18f), PlotTop, PlotLeft + ((index + 1) * pitch) - (pitch * 0.18f), PlotBottom);
    }

    /// <summary>How many charts this renderer has drawn since the host started (what the render cache saves).</summary>
    public long Renders => Interlocked.Read(ref _renders);

    public byte[] Render(TeamHealthReport report, string indicatorId, string language, ChartTheme theme = ChartTheme.Light)
    {
        ArgumentNullException.ThrowIfNull(report);
        Interlocked.Increment(ref _renders);
        var cjk = language == "ja" ? _fonts.CjkFontName : null;
        var drawn = language == "ja" && cjk is null ? ContentLibrary.DefaultLanguage : language;
        var catalog = _content.For(drawn);
        var culture = LanguageCultures.For(drawn);
        var palette = ChartPalette.For(theme);
        var series = report.Find(indicatorId);
        var points = series?.Points ?? [.. report.Weeks.Select(_ => (HealthCell?)null)];

        using var regular = SKTypeface.FromFamilyName(cjk ?? _fonts.LatinFontName, SKFontStyle.Normal);
        using var bold = SKTypeface.FromFamilyName(cjk ?? _fonts.LatinFontName, SKFontStyle.Bold);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(palette.Card);

        void Text(string text, float x, float y, float size, SKColor color, bool isBold = false, SKTextAlign align = SKTextAlign.Left)
        {
            using var font = new SKFont(isBold ? bold : regular, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            canvas.DrawText(text, x, y, align, font, paint);
        }

        void Line(float x0, float y0, float x1, float y1, SKColor color, float width, bool dashed = false)
        {
            using var effect = dashed ? SKPathEffect.CreateDash([4, 4], 0) : null;
            using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, PathEffect = effect };
            canvas.DrawLine(x0, y0, x1, y1, paint);
        }

        var s = catalog.Strings;
        Text(TeamHealthHandler.IndicatorTitle(catalog, indicatorId), Margin, 64, 30, palette.Text, isBold: true);
        Text(s.Format("chart.health.subtitle", ("weeks", points.Count), ("min", HealthAggregation.MinPeople)), Margin, 100, 16, palette.Muted);

        var stacked = HealthIndicatorIds.HasParts(indicatorId);
        var max = stacked ? Math.Max(1, points.OfType<HealthCell>().Select(c => c.Parts.Sum()).DefaultIfEmpty(0).Max()) : 100;
        Text(stacked ? max.ToString(CultureInfo.InvariantCulture) : "100%", PlotLeft - 8, PlotTop + 5, 13, palette.Muted, align: SKTextAlign.Right);
        Text(stacked ? "0" : "0%", PlotLeft - 8, PlotBottom + 5, 13, palette.Muted, align: SKTextAlign.Right);
        Line(PlotLeft, PlotTop, PlotRight, PlotTop, palette.Grid, 1, dashed: true);
        Line(PlotLeft, (PlotTop + PlotBottom) / 2, PlotRight, (PlotTop + PlotBottom) / 2, palette.Grid, 1, dashed: true);

        for (var i = 0; i < points.Count; i++)
        {
            var slot = Slot(i, points.Count);
            if (i < report.Weeks.Count)
            {
                Text(report.Weeks[i].ToString(culture.DateTimeFormat.MonthDayPattern.Contains('月', StringComparison.Ordinal) ? "M/d" : "MMM d", culture), slot.MidX, PlotBottom + 22, 12, palette.Muted, align: SKTextAlign.Center);
            }

            if (points[i] is not { } cell)
            {
                using var outline = new SKPaint { Color = palette.Grid, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, PathEffect = SKPathEffect.CreateDash([5, 4], 0) };
                canvas.DrawRoundRect(new SKRect(slot.Left, PlotBottom - 40, slot.Right, PlotBottom), 3, 3, outline);
                Text(s.Format("chart.health.hidden"), slot.MidX, PlotBottom - 48, 11, palette.Muted, align: SKTextAlign.Center);
                continue;
            }

            if (stacked)
            {
                var bottom = PlotBottom;
                for (var p = 0; p < cell.Parts.Count; p++)
                {
                    var height = (PlotBottom - PlotTop) * cell.Parts[p] / max;
                    if (height > 0)
                    {
                        using var paint = new SKPaint { Color = palette.ActionColor(p), IsAntialias = true };
                        canvas.DrawRect(new SKRect(slot.Left, bottom - height, slot.Right, bottom), paint);
                        bottom -= height;
                    }
                }
            }
            else if (cell.Percent is { } percent)
            {
                var height = (PlotBottom - PlotTop) * Math.Clamp(percent, 0, 100) / 100f;
                using var paint = new SKPaint { Color = palette.Skill, IsAntialias = true };
                canvas.DrawRoundRect(new SKRect(slot.Left, PlotBottom - height, slot.Right, PlotBottom), 2, 2, paint);
                Text(percent.ToString(CultureInfo.InvariantCulture) + "%", slot.MidX, PlotBottom - height - 6, 12, palette.Text, align: SKTextAlign.Center);
            }
        }

        Line(PlotLeft, PlotBottom, PlotRight, PlotBottom, palette.Muted, 1.5f);
        if (stacked)
        {
            var x = Margin;
            for (var a = 0; a < catalog.Actions.Count; a++)
            {
                using var swatch = new SKPaint { Color = palette.ActionColor(a), IsAntialias = true };
                canvas.DrawRoundRect(SKRect.Create(x, 500, 16, 16), 3, 3, swatch);
                Text(catalog.Actions[a].Title, x + 22, 514, 13, palette.Text);
                using var font = new SKFont(regular, 13);
                x += 22 + font.MeasureText(catalog.Actions[a].Title) + 28;
            }
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
