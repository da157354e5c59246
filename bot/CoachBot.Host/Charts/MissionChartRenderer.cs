using CoachBot.Content.Model;
using CoachBot.Core.Missions;
using SkiaSharp;

namespace CoachBot.Host.Charts;

/// <summary>
/// Draws a <see cref="MissionOverview"/> as one PNG: a horizontal bar per mission in content order, split into one
/// segment per step for the user's role with the steps done filled, the count beside it, and the focus mission marked
/// (an accent stripe, its own colour and a "your focus" label). The same card, palette and fonts as the progress chart
/// (docs/decisions/0026-designed-progress-charts.md); titles come from the content in the user's language.
/// </summary>
public sealed class MissionChartRenderer
{
    public const int Width = 1200;
    public const float Margin = 32;
    public const float RowsTop = 140;
    public const float RowPitch = 68;
    public const float BarOffset = 34;
    public const float BarHeight = 18;
    private const float Bottom = 24;

    /// <summary>Above this many steps the bar is drawn whole rather than in segments (they would be too thin).</summary>
    private const int MaxSegments = 30;

    private const string Ellipsis = "…";

    private readonly ContentLibrary _content;
    private readonly ChartFonts _fonts;
    private long _renders;

    public MissionChartRenderer(ContentLibrary content, ChartFonts fonts)
    {
        _content = content;
        _fonts = fonts;
    }

    /// <summary>How many charts this renderer has drawn since the host started (what the render cache saves).</summary>
    public long Renders => Interlocked.Read(ref _renders);

    /// <summary>The height of a chart of <paramref name="missions"/> missions.</summary>
    public static int HeightFor(int missions) => (int)(RowsTop + (Math.Max(1, missions) * RowPitch) + Bottom);

    /// <summary>The bar (track) of the mission at <paramref name="index"/>: where its steps are drawn.</summary>
    public static SKRect Bar(int index)
    {
        var top = RowsTop + (index * RowPitch) + BarOffset;
        return new SKRect(Margin, top, Width - Margin, top + BarHeight);
    }

    /// <summary>The chart in <paramref name="language"/>; Japanese falls back to English when no CJK font is installed.</summary>
    public byte[] Render(MissionOverview overview, string language, ChartTheme theme = ChartTheme.Light)
    {
        ArgumentNullException.ThrowIfNull(overview);
        Interlocked.Increment(ref _renders);
        var cjk = language == "ja" ? _fonts.CjkFontName : null;
        var drawn = language == "ja" && cjk is null ? ContentLibrary.DefaultLanguage : language;
        var catalog = _content.For(drawn);
        var s = catalog.Strings;
        var palette = ChartPalette.For(theme);

        using var regular = SKTypeface.FromFamilyName(cjk ?? _fonts.LatinFontName, SKFontStyle.Normal);
        using var bold = SKTypeface.FromFamilyName(cjk ?? _fonts.LatinFontName, SKFontStyle.Bold);
        using var surface = SKSurface.Create(new SKImageInfo(Width, HeightFor(overview.Missions.Count), SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(palette.Card);

        SKFont Font(float size, bool isBold) => new(isBold ? bold : regular, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

        float Measure(string text, float size, bool isBold = false)
        {
            using var font = Font(size, isBold);
            return font.MeasureText(text);
        }

        void Text(string text, float x, float y, float size, SKColor color, bool isBold = false, SKTextAlign align = SKTextAlign.Left)
        {
            using var font = Font(size, isBold);
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            canvas.DrawText(text, x, y, align, font, paint);
        }

        string Fit(string text, float width, float size, bool isBold)
        {
            if (Measure(text, size, isBold) <= width)
            {
                return text;
            }

            var cut = text.Length;
            while (cut > 1 && Measure(text[..cut].TrimEnd() + Ellipsis, size, isBold) > width)
            {
                cut--;
            }

            return text[..cut].TrimEnd() + Ellipsis;
        }

        Text(s.Format("missions.chart.title"), Margin, 64, 30, palette.Text, isBold: true);
        Text(s.Format("missions.chart.subtitle"), Margin, 100, 16, palette.Muted);
        using (var rule = new SKPaint { Color = palette.Grid, StrokeWidth = 1, IsAntialias = true })
        {
            canvas.DrawLine(Margin, 118, Width - Margin, 118, rule);
        }

        var focusLabel = s.Format("missions.chart.focus");
        for (var i = 0; i < overview.Missions.Count; i++)
        {
            var item = overview.Missions[i];
            var title = catalog.FindMission(item.Mission.Id)?.Title ?? item.Mission.Title;
            var isFocus = item.Mission.Id == overview.FocusId;
            var (done, total) = (item.Standing.StepsDone, item.Standing.StepsForRole);
            var bar = Bar(i);
            var baseline = bar.Top - 12;
            var fill = isFocus ? palette.Streak : palette.ActionColor(0);

            var count = total == 0 ? s.Format("missions.chart.no_steps") : s.Format("missions.chart.count", ("done", done), ("total", total));
            Text(count, bar.Right, baseline, 16, total == 0 ? palette.Muted : palette.Text, isBold: total > 0, align: SKTextAlign.Right);

            var pill = isFocus ? Measure(focusLabel, 13, isBold: true) + 16 : 0;
            var room = bar.Width - Measure(count, 16, isBold: total > 0) - pill - 36;
            var heading = Fit($"{i + 1}. {title}", room, 18, isBold: true);
            Text(heading, bar.Left, baseline, 18, palette.Text, isBold: true);
            if (isFocus)
            {
                // Marked three ways, so colour is not the only sign: a stripe, the label and the bar's colour.
                var left = bar.Left + Measure(heading, 18, isBold: true) + 12;
                using var outline = new SKPaint { Color = palette.Streak, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f };
                canvas.DrawRoundRect(new SKRect(left, baseline - 16, left + pill, baseline + 5), 10, 10, outline);
                Text(focusLabel, left + 8, baseline - 1, 13, palette.Streak, isBold: true);
                using var stripe = new SKPaint { Color = palette.Streak, IsAntialias = true };
                canvas.DrawRoundRect(new SKRect(Margin - 18, bar.Top - 30, Margin - 12, bar.Bottom), 2, 2, stripe);
            }

            DrawSteps(canvas, palette, bar, done, total, fill);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>
    /// The bar: one segment per step for the role, the first <paramref name="done"/> filled (steps done beyond the
    /// role's, after a change of role, fill it whole); a dashed empty outline when no step fits the role.
    /// </summary>
    private static void DrawSteps(SKCanvas canvas, ChartPalette palette, SKRect bar, int done, int total, SKColor fill)
    {
        if (total == 0)
        {
            using var effect = SKPathEffect.CreateDash([5, 4], 0);
            using var outline = new SKPaint { Color = palette.Grid, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, PathEffect = effect };
            canvas.DrawRoundRect(bar, 4, 4, outline);
            return;
        }

        var filled = Math.Min(done, total);
        using var emptyPaint = new SKPaint { Color = palette.EmptyDay, IsAntialias = true };
        using var fillPaint = new SKPaint { Color = fill, IsAntialias = true };
        if (total > MaxSegments)
        {
            canvas.DrawRoundRect(bar, 4, 4, emptyPaint);
            if (filled > 0)
            {
                canvas.DrawRoundRect(new SKRect(bar.Left, bar.Top, bar.Left + (bar.Width * filled / total), bar.Bottom), 4, 4, fillPaint);
            }

            return;
        }

        const float Gap = 4;
        var width = (bar.Width - (Gap * (total - 1))) / total;
        for (var step = 0; step < total; step++)
        {
            var left = bar.Left + (step * (width + Gap));
            canvas.DrawRoundRect(new SKRect(left, bar.Top, left + width, bar.Bottom), 3, 3, step < filled ? fillPaint : emptyPaint);
        }
    }
}
