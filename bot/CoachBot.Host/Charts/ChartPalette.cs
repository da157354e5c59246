using SkiaSharp;

namespace CoachBot.Host.Charts;

/// <summary>Which card the progress chart is drawn on (docs/decisions/0026-designed-progress-charts.md).</summary>
public enum ChartTheme
{
    /// <summary>A white card: the default, since neither Slack nor Teams tells a bot which theme its client shows.</summary>
    Light,

    /// <summary>A dark card, for a surface that knows it is dark (<c>?theme=dark</c> on the chart link).</summary>
    Dark,
}

/// <summary>
/// The one palette of the progress chart, for each <see cref="ChartTheme"/>. The chart is drawn on an opaque card of
/// <see cref="Card"/>, so it reads the same on Slack's and Teams' light and dark themes; every colour that carries
/// information has a contrast of at least 3:1 (WCAG 2.1, non-text contrast) against the card, and text at least 4.5:1.
/// The practice levels get further from the card as practice grows: darker on the light card, brighter on the dark one.
/// </summary>
public sealed record ChartPalette
{
    /// <summary>Practice levels drawn in the calendar, not counting the empty level 0.</summary>
    public const int Levels = 4;

    public static ChartPalette Light { get; } = new()
    {
        Theme = ChartTheme.Light,
        Card = Hex(0xFFFFFF),
        Text = Hex(0x1F2328),
        Muted = Hex(0x59636E),
        Grid = Hex(0xD1D9E0),
        EmptyDay = Hex(0xEBEEF1),
        Practice = [Hex(0x4E9A6B), Hex(0x237A47), Hex(0x14592F), Hex(0x07331A)],
        Streak = Hex(0xBC4C00),
        Actions = [Hex(0x0969DA), Hex(0x1A7F64), Hex(0x8250DF), Hex(0xBF3989), Hex(0x9A6700)],
        Skill = Hex(0x6639BA),
    };

    public static ChartPalette Dark { get; } = new()
    {
        Theme = ChartTheme.Dark,
        Card = Hex(0x22272E),
        Text = Hex(0xE6EDF3),
        Muted = Hex(0x9198A1),
        Grid = Hex(0x3D444D),
        EmptyDay = Hex(0x2D333B),
        Practice = [Hex(0x238A4E), Hex(0x34B062), Hex(0x6AD98C), Hex(0xB4F5C6)],
        Streak = Hex(0xF0883E),
        Actions = [Hex(0x4493F8), Hex(0x3FB9A0), Hex(0xAB7DF8), Hex(0xF778BA), Hex(0xD29922)],
        Skill = Hex(0xB392F0),
    };

    public required ChartTheme Theme { get; init; }

    /// <summary>The opaque background of the whole picture.</summary>
    public required SKColor Card { get; init; }

    /// <summary>Titles, labels and numbers.</summary>
    public required SKColor Text { get; init; }

    /// <summary>Secondary text: axis labels, totals, legends.</summary>
    public required SKColor Muted { get; init; }

    /// <summary>Decoration only (axis lines, outlines of days off): carries nothing that is not said otherwise.</summary>
    public required SKColor Grid { get; init; }

    /// <summary>A calendar day without practice.</summary>
    public required SKColor EmptyDay { get; init; }

    /// <summary>Calendar levels 1 to <see cref="Levels"/> (see <see cref="LevelOf"/>).</summary>
    public required IReadOnlyList<SKColor> Practice { get; init; }

    /// <summary>The current streak: the ring around its days and the callout.</summary>
    public required SKColor Streak { get; init; }

    /// <summary>One colour per action, in content order (the content has five actions).</summary>
    public required IReadOnlyList<SKColor> Actions { get; init; }

    /// <summary>The skills trend lines.</summary>
    public required SKColor Skill { get; init; }

    /// <summary>Every colour that carries information, with its name, for the contrast check.</summary>
    public IEnumerable<(string Name, SKColor Color)> InformationColors =>
        Practice.Select((c, i) => ($"practice level {i + 1}", c))
            .Concat(Actions.Select((c, i) => ($"action {i + 1}", c)))
            .Append(("streak", Streak))
            .Append(("skill", Skill));

    public static ChartPalette For(ChartTheme theme) => theme == ChartTheme.Dark ? Dark : Light;

    /// <summary>The calendar level of a day with <paramref name="practices"/> practices: 0 none, then 1, 2, 3, and 4 for four or more.</summary>
    public static int LevelOf(int practices) => Math.Clamp(practices, 0, Levels);

    /// <summary>The fill of a calendar day with <paramref name="practices"/> practices.</summary>
    public SKColor DayColor(int practices) => LevelOf(practices) == 0 ? EmptyDay : Practice[LevelOf(practices) - 1];

    /// <summary>The colour of the action at <paramref name="index"/> in content order (repeats past the fifth).</summary>
    public SKColor ActionColor(int index) => Actions[index % Actions.Count];

    /// <summary>WCAG 2.1 contrast ratio of two opaque colours, from 1 (same) to 21 (black on white).</summary>
    public static double ContrastRatio(SKColor a, SKColor b)
    {
        var (la, lb) = (RelativeLuminance(a), RelativeLuminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>WCAG 2.1 relative luminance of an sRGB colour.</summary>
    public static double RelativeLuminance(SKColor color)
    {
        static double Linear(byte channel)
        {
            var c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Linear(color.Red)) + (0.7152 * Linear(color.Green)) + (0.0722 * Linear(color.Blue));
    }

    private static SKColor Hex(uint rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
}
