using CoachBot.Core.Habits;
using SkiaSharp;

namespace CoachBot.Host.Charts;

/// <summary>
/// Where each part of the progress chart goes, in pixels: pure geometry, separate from drawing, so tests can find a
/// calendar day or a panel in the rendered PNG. Three sections under a header: the practice calendar (weeks as columns,
/// Monday to Sunday as rows), practice per action as five small multiples, and the skills trend as five more.
/// </summary>
public static class ProgressChartLayout
{
    public const int Width = 1200;
    public const int Height = 860;
    public const float Margin = 32;

    /// <summary>Side of one calendar day, and the step from one day to the next (side plus gap).</summary>
    public const float Cell = 24;
    public const float CellPitch = 28;

    public const float TitleBaseline = 64;
    public const float CalendarTitleBaseline = 132;
    public const float MonthLabelBaseline = 160;
    public const float GridTop = 170;
    public const float GridLeft = Margin + 48;

    /// <summary>Where the calendar's legend starts, right of the grid.</summary>
    public const float LegendLeft = GridLeft + (ProgressReportService.CalendarWeeks * CellPitch) + 40;

    public const float ActionsTitleBaseline = 418;
    public const float ActionsTop = 432;
    public const float ActionsHeight = 196;
    public const float SkillsTitleBaseline = 666;
    public const float SkillsTop = 680;
    public const float SkillsHeight = 160;

    /// <summary>Small multiples in a row, and the gap between them.</summary>
    public const int Panels = 5;
    public const float PanelGap = 24;

    public static float PanelWidth => (Width - (2 * Margin) - ((Panels - 1) * PanelGap)) / Panels;

    /// <summary>The square of <paramref name="day"/> in a calendar that starts (on a Monday) at <paramref name="calendarStart"/>.</summary>
    public static SKRect DayCell(DateOnly calendarStart, DateOnly day)
    {
        var offset = day.DayNumber - calendarStart.DayNumber;
        if (offset < 0 || offset >= ProgressReportService.CalendarWeeks * 7)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "The day is not in the calendar.");
        }

        return SKRect.Create(GridLeft + (offset / 7 * CellPitch), GridTop + (offset % 7 * CellPitch), Cell, Cell);
    }

    /// <summary>The row of a weekday: Monday 0 to Sunday 6.</summary>
    public static int RowOf(DayOfWeek day) => ((int)day + 6) % 7;

    /// <summary>The small multiple of the action at <paramref name="index"/> (content order, left to right).</summary>
    public static SKRect ActionPanel(int index) => Panel(index, ActionsTop, ActionsHeight);

    /// <summary>The bars' area inside <see cref="ActionPanel"/>: weeks left (oldest) to right (the last 7 days).</summary>
    public static SKRect ActionBars(int index)
    {
        var panel = ActionPanel(index);
        return new SKRect(panel.Left, panel.Top + 56, panel.Right, panel.Bottom - 24);
    }

    /// <summary>The bar of week <paramref name="week"/> (0 oldest, 11 the last 7 days) at its full height.</summary>
    public static SKRect WeekBar(int index, int week, int weeks)
    {
        var area = ActionBars(index);
        var pitch = area.Width / weeks;
        return new SKRect(area.Left + (week * pitch) + 2, area.Top, area.Left + ((week + 1) * pitch) - 2, area.Bottom);
    }

    /// <summary>The small multiple of the skill at <paramref name="index"/> (content order, left to right).</summary>
    public static SKRect SkillPanel(int index) => Panel(index, SkillsTop, SkillsHeight);

    /// <summary>The trend line's area inside <see cref="SkillPanel"/>: level 1 at the bottom, 5 at the top.</summary>
    public static SKRect SkillTrend(int index)
    {
        var panel = SkillPanel(index);
        return new SKRect(panel.Left + 18, panel.Top + 70, panel.Right - 8, panel.Bottom - 26);
    }

    private static SKRect Panel(int index, float top, float height) =>
        SKRect.Create(Margin + (index * (PanelWidth + PanelGap)), top, PanelWidth, height);
}
