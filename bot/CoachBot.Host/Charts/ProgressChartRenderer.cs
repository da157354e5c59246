using CoachBot.Content.Model;
using CoachBot.Core.Habits;
using ScottPlot;

namespace CoachBot.Host.Charts;

/// <summary>Draws a <see cref="ProgressReport"/> as a PNG: practice per action over 4 and 12 weeks, side by side.</summary>
public sealed class ProgressChartRenderer
{
    public const int Width = 800;
    public const int Height = 450;

    private readonly ContentLibrary _content;
    private readonly ChartFonts _fonts;

    public ProgressChartRenderer(ContentLibrary content, ChartFonts fonts)
    {
        _content = content;
        _fonts = fonts;
    }

    /// <summary>The chart in <paramref name="language"/>; Japanese falls back to English when no CJK font is installed.</summary>
    public byte[] Render(ProgressReport report, string language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cjk = language == "ja" ? _fonts.CjkFontName : null;
        var catalog = _content.For(language == "ja" && cjk is null ? ContentLibrary.DefaultLanguage : language);
        var strings = catalog.Strings;

        var plot = new Plot();
        var bars = new List<Bar>();
        var positions = new List<double>();
        var labels = new List<string>();
        // Top to bottom in content order: the first action gets the highest position.
        for (var i = 0; i < report.Actions.Count; i++)
        {
            var action = report.Actions[i];
            var center = (report.Actions.Count - 1 - i) * 3.0;
            bars.Add(new Bar { Position = center + 0.45, Value = action.Last4Weeks, FillColor = Colors.C0, Size = 0.9 });
            bars.Add(new Bar { Position = center - 0.45, Value = action.Last12Weeks, FillColor = Colors.C1, Size = 0.9 });
            positions.Add(center);
            labels.Add(catalog.FindAction(action.ActionId)?.Title ?? action.ActionId);
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.SetTicks([.. positions], [.. labels]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        // Practice is counted in whole numbers; half-step ticks would suggest otherwise.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(left: 0);
        plot.Axes.SetLimitsX(0, Math.Max(5, report.Actions.Select(a => a.Last12Weeks).DefaultIfEmpty(0).Max() * 1.15));
        plot.Title(strings.Format("chart.title"));
        plot.XLabel(strings.Format("chart.axis_count"));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = strings.Format("chart.legend_4w"), FillColor = Colors.C0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = strings.Format("chart.legend_12w"), FillColor = Colors.C1 });
        plot.ShowLegend(Alignment.LowerRight);
        if (cjk is not null)
        {
            plot.Font.Set(cjk);
            plot.Legend.FontName = cjk;
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
