using System.Globalization;
using CoachBot.Content.Model;
using CoachBot.Core.Habits;
using CoachBot.Core.Time;
using SkiaSharp;
using L = CoachBot.Host.Charts.ProgressChartLayout;

namespace CoachBot.Host.Charts;

/// <summary>
/// Draws a <see cref="ProgressReport"/> as one PNG (<see cref="ProgressChartLayout"/>): the streak, a practice calendar
/// of <see cref="ProgressReportService.CalendarWeeks"/> weeks, practice per action week by week over 12 weeks, and the
/// skills self-assessment by month, on a card in one <see cref="ChartPalette"/>. Drawn with SkiaSharp directly: every
/// position is computed, nothing is left to a plotting library's defaults (docs/decisions/0026-designed-progress-charts.md).
/// </summary>
public sealed class ProgressChartRenderer
{
    public const int Width = L.Width;
    public const int Height = L.Height;

    /// <summary>Months of skills trend shown, the current one included.</summary>
    public const int SkillMonths = 12;

    private const string Ellipsis = "…";

    private readonly ContentLibrary _content;
    private readonly ChartFonts _fonts;

    public ProgressChartRenderer(ContentLibrary content, ChartFonts fonts)
    {
        _content = content;
        _fonts = fonts;
    }

    /// <summary>The chart in <paramref name="language"/>; Japanese falls back to English when no CJK font is installed.</summary>
    public byte[] Render(ProgressReport report, string language, ChartTheme theme = ChartTheme.Light)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cjk = language == "ja" ? _fonts.CjkFontName : null;
        var drawn = language == "ja" && cjk is null ? ContentLibrary.DefaultLanguage : language;
        var catalog = _content.For(drawn);
        var palette = ChartPalette.For(theme);

        using var regular = SKTypeface.FromFamilyName(cjk ?? _fonts.LatinFontName, SKFontStyle.Normal);
        using var bold = SKTypeface.FromFamilyName(cjk ?? _fonts.LatinFontName, SKFontStyle.Bold);
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var drawing = new Drawing(surface.Canvas, palette, catalog, LanguageCultures.For(drawn), regular, bold);
        surface.Canvas.Clear(palette.Card);

        drawing.Header(report);
        drawing.Calendar(report);
        drawing.Actions(report);
        drawing.Skills(report);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>
    /// The calendar days of the current streak: counting days with practice, walking back from today over days that
    /// do not count, until a counting day without practice (today without practice does not end it). The same rule as
    /// <see cref="StreakCalculator"/>, within the calendar.
    /// </summary>
    public static IReadOnlySet<DateOnly> StreakDays(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var days = new HashSet<DateOnly>();
        foreach (var day in report.Calendar.Reverse())
        {
            if (day.Kind != CalendarDayKind.Counting)
            {
                continue;
            }

            if (day.Practices > 0)
            {
                days.Add(day.Date);
            }
            else if (day.Date != report.Today)
            {
                break;
            }
        }

        return days;
    }

    /// <summary>One drawing: the canvas with what every section needs.</summary>
    private sealed class Drawing(SKCanvas canvas, ChartPalette palette, ContentCatalog catalog, CultureInfo culture, SKTypeface regularFace, SKTypeface boldFace)
    {
        private StringTable Strings => catalog.Strings;

        public void Header(ProgressReport report)
        {
            Text(Strings.Format("chart.title"), L.Margin, L.TitleBaseline, 30, palette.Text, bold: true);
            var right = L.Width - L.Margin;
            Text(Strings.Format("chart.streak_callout", ("current", report.Streak.Current)), right, 52, 24, palette.Streak, bold: true, SKTextAlign.Right);
            Text(Strings.Format("chart.streak_longest", ("longest", report.Streak.Longest)), right, 78, 15, palette.Muted, align: SKTextAlign.Right);
            Line(L.Margin, 96, right, 96, palette.Grid, 1);
        }

        public void Calendar(ProgressReport report)
        {
            Text(Strings.Format("chart.calendar.title", ("weeks", ProgressReportService.CalendarWeeks)), L.Margin, L.CalendarTitleBaseline, 18, palette.Text, bold: true);
            var start = ProgressReportService.CalendarStart(report.Today);

            // Monday, Wednesday and Friday name their rows, as calendars of this kind usually do.
            foreach (var row in new[] { 0, 2, 4 })
            {
                var cell = L.DayCell(start, start.AddDays(row));
                Text(culture.DateTimeFormat.GetAbbreviatedDayName((DayOfWeek)((row + 1) % 7)), L.GridLeft - 10, cell.MidY + 5, 13, palette.Muted, align: SKTextAlign.Right);
            }

            // A month is named above the first week that starts in it, unless the previous name is too close.
            var lastLabel = float.MinValue;
            for (var week = 0; week < ProgressReportService.CalendarWeeks; week++)
            {
                var monday = start.AddDays(7 * week);
                if (week > 0 && monday.Month == monday.AddDays(-7).Month)
                {
                    continue;
                }

                var x = L.DayCell(start, monday).Left;
                if (x - lastLabel >= 3 * L.CellPitch)
                {
                    Text(culture.DateTimeFormat.GetAbbreviatedMonthName(monday.Month), x, L.MonthLabelBaseline, 13, palette.Muted);
                    lastLabel = x;
                }
            }

            var streak = StreakDays(report);
            foreach (var day in report.Calendar)
            {
                Day(L.DayCell(start, day.Date), day.Practices, day.Kind, streak.Contains(day.Date));
            }

            CalendarLegend();
        }

        public void Actions(ProgressReport report)
        {
            Text(Strings.Format("chart.actions.title"), L.Margin, L.ActionsTitleBaseline, 18, palette.Text, bold: true);
            var weeks = ProgressReportService.LongWindowDays / 7;
            var max = Math.Max(1, report.Actions.SelectMany(a => a.Weekly).DefaultIfEmpty(0).Max());
            Text(Strings.Format("chart.actions.scale", ("max", max)), L.Width - L.Margin, L.ActionsTitleBaseline, 13, palette.Muted, align: SKTextAlign.Right);

            for (var i = 0; i < Math.Min(L.Panels, report.Actions.Count); i++)
            {
                var action = report.Actions[i];
                var panel = L.ActionPanel(i);
                var color = palette.ActionColor(i);
                Text(Fit(catalog.FindAction(action.ActionId)?.Title ?? action.ActionId, panel.Width, 15, bold: true), panel.Left, panel.Top + 18, 15, palette.Text, bold: true);
                Text(Strings.Format("chart.actions.total", ("count", action.Last12Weeks)), panel.Left, panel.Top + 40, 13, palette.Muted);

                var area = L.ActionBars(i);
                Line(area.Left, area.Top, area.Right, area.Top, palette.Grid, 1, dashed: true);
                for (var week = 0; week < Math.Min(weeks, action.Weekly.Count); week++)
                {
                    var bar = L.WeekBar(i, week, weeks);
                    var height = bar.Height * action.Weekly[week] / max;
                    if (height > 0)
                    {
                        Fill(new SKRect(bar.Left, bar.Bottom - height, bar.Right, bar.Bottom), color, 2);
                    }
                }

                Line(area.Left, area.Bottom, area.Right, area.Bottom, palette.Muted, 1.5f);
                Text(Strings.Format("chart.actions.first_week"), area.Left, area.Bottom + 17, 12, palette.Muted);
                Text(Strings.Format("chart.actions.last_week"), area.Right, area.Bottom + 17, 12, palette.Muted, align: SKTextAlign.Right);
            }
        }

        public void Skills(ProgressReport report)
        {
            Text(Strings.Format("chart.skills.title"), L.Margin, L.SkillsTitleBaseline, 18, palette.Text, bold: true);
            if (report.Assessments.Count == 0)
            {
                Text(Strings.Format("chart.skills.none"), L.Margin, L.SkillsTop + 40, 16, palette.Muted);
                return;
            }

            var thisMonth = new DateOnly(report.Today.Year, report.Today.Month, 1);
            var firstMonth = thisMonth.AddMonths(1 - SkillMonths);
            var shown = report.Assessments.Where(a => a.Month >= firstMonth && a.Month <= thisMonth).ToList();
            var previous = report.PreviousSkills;
            for (var i = 0; i < Math.Min(L.Panels, catalog.Skills.Count); i++)
            {
                var skill = catalog.Skills[i];
                var panel = L.SkillPanel(i);
                Text(Fit(skill.Title, panel.Width, 15, bold: true), panel.Left, panel.Top + 18, 15, palette.Text, bold: true);
                if (report.LatestSkills is { } latest && latest.Scores.TryGetValue(skill.Id, out var level))
                {
                    var levelText = level.ToString(CultureInfo.InvariantCulture);
                    Text(levelText, panel.Left, panel.Top + 54, 30, palette.Skill, bold: true);
                    if (previous is not null && previous.Scores.TryGetValue(skill.Id, out var before))
                    {
                        Text(Change(level - before), panel.Left + Measure(levelText, 30, bold: true) + 8, panel.Top + 54, 15, palette.Muted);
                    }
                }

                var area = L.SkillTrend(i);
                Line(area.Left, area.Top, area.Right, area.Top, palette.Grid, 1, dashed: true);
                Line(area.Left, area.Bottom, area.Right, area.Bottom, palette.Grid, 1);
                Text("5", area.Left - 6, area.Top + 4, 11, palette.Muted, align: SKTextAlign.Right);
                Text("1", area.Left - 6, area.Bottom + 4, 11, palette.Muted, align: SKTextAlign.Right);
                Text(culture.DateTimeFormat.GetAbbreviatedMonthName(firstMonth.Month), area.Left, area.Bottom + 18, 12, palette.Muted);
                Text(culture.DateTimeFormat.GetAbbreviatedMonthName(thisMonth.Month), area.Right, area.Bottom + 18, 12, palette.Muted, align: SKTextAlign.Right);

                var points = shown
                    .Where(a => a.Scores.ContainsKey(skill.Id))
                    .Select(a =>
                    {
                        var slot = ((a.Month.Year - firstMonth.Year) * 12) + a.Month.Month - firstMonth.Month;
                        return new SKPoint(
                            area.Left + (area.Width * slot / (SkillMonths - 1)),
                            area.Bottom - (area.Height * (Math.Clamp(a.Scores[skill.Id], 1, 5) - 1) / 4));
                    })
                    .ToList();
                using var stroke = new SKPaint { Color = palette.Skill, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f, StrokeJoin = SKStrokeJoin.Round };
                for (var p = 1; p < points.Count; p++)
                {
                    canvas.DrawLine(points[p - 1], points[p], stroke);
                }

                using var dot = new SKPaint { Color = palette.Skill, IsAntialias = true };
                foreach (var point in points)
                {
                    canvas.DrawCircle(point, 4.5f, dot);
                }
            }
        }

        /// <summary>A change as a signed number, e.g. +1, −2, ±0: the same in every language.</summary>
        private static string Change(int delta) => delta switch
        {
            > 0 => "+" + delta.ToString(CultureInfo.InvariantCulture),
            < 0 => "−" + (-delta).ToString(CultureInfo.InvariantCulture),
            _ => "±0",
        };

        private void Day(SKRect cell, int practices, CalendarDayKind kind, bool inStreak)
        {
            if (practices > 0 || kind == CalendarDayKind.Counting)
            {
                Fill(cell, palette.DayColor(practices), 4);
            }
            else
            {
                // A day that does not count and was not practised: an outline, and a stroke across for a pause.
                Outline(cell, palette.Grid, 1.5f, 4);
                if (kind == CalendarDayKind.Paused)
                {
                    Line(cell.Left + 5, cell.Bottom - 5, cell.Right - 5, cell.Top + 5, palette.Muted, 1.5f);
                }
            }

            if (inStreak)
            {
                var ring = cell;
                ring.Inflate(2, 2);
                Outline(ring, palette.Streak, 2.5f, 6);
            }
        }

        private void CalendarLegend()
        {
            var x = L.LegendLeft;
            var y = L.GridTop;
            var lessWidth = Measure(Strings.Format("chart.calendar.less"), 13);
            Text(Strings.Format("chart.calendar.less"), x, y + 17, 13, palette.Muted);
            var swatch = x + lessWidth + 8;
            for (var level = 0; level <= ChartPalette.Levels; level++)
            {
                Fill(SKRect.Create(swatch + (level * L.CellPitch), y, L.Cell, L.Cell), palette.DayColor(level), 4);
            }

            Text(Strings.Format("chart.calendar.more"), swatch + ((ChartPalette.Levels + 1) * L.CellPitch) + 4, y + 17, 13, palette.Muted);

            var rows = new (string Key, CalendarDayKind Kind, bool Streak, int Practices)[]
            {
                ("chart.calendar.day_off", CalendarDayKind.NonWorking, false, 0),
                ("chart.calendar.paused", CalendarDayKind.Paused, false, 0),
                ("chart.calendar.streak", CalendarDayKind.Counting, true, 2),
            };
            for (var r = 0; r < rows.Length; r++)
            {
                var top = y + ((r + 1) * 40) + 8;
                Day(SKRect.Create(x, top, L.Cell, L.Cell), rows[r].Practices, rows[r].Kind, rows[r].Streak);
                Text(Strings.Format(rows[r].Key), x + L.Cell + 12, top + 17, 14, palette.Text);
            }
        }

        private void Text(string text, float x, float y, float size, SKColor color, bool bold = false, SKTextAlign align = SKTextAlign.Left)
        {
            using var font = new SKFont(bold ? boldFace : regularFace, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            canvas.DrawText(text, x, y, align, font, paint);
        }

        private float Measure(string text, float size, bool bold = false)
        {
            using var font = new SKFont(bold ? boldFace : regularFace, size);
            return font.MeasureText(text);
        }

        /// <summary><paramref name="text"/> cut with an ellipsis where it would be wider than <paramref name="width"/>.</summary>
        private string Fit(string text, float width, float size, bool bold = false)
        {
            if (Measure(text, size, bold) <= width)
            {
                return text;
            }

            var cut = text.Length;
            while (cut > 1 && Measure(text[..cut].TrimEnd() + Ellipsis, size, bold) > width)
            {
                cut--;
            }

            return text[..cut].TrimEnd() + Ellipsis;
        }

        private void Fill(SKRect rect, SKColor color, float radius)
        {
            using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
            canvas.DrawRoundRect(rect, radius, radius, paint);
        }

        private void Outline(SKRect rect, SKColor color, float width, float radius)
        {
            using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
            rect.Inflate(-width / 2, -width / 2);
            canvas.DrawRoundRect(rect, radius, radius, paint);
        }

        private void Line(float x0, float y0, float x1, float y1, SKColor color, float width, bool dashed = false)
        {
            using var effect = dashed ? SKPathEffect.CreateDash([4, 4], 0) : null;
            using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, PathEffect = effect };
            canvas.DrawLine(x0, y0, x1, y1, paint);
        }
    }
}
