using System.Text;
using CoachBot.Core.Conversation;

namespace CoachBot.Core.Time;

/// <summary>
/// Reads the day names people type in commands (settings, 1-on-1s, team reflections): English names or any prefix
/// of three letters or more ("tue", "Tuesday"), and Japanese ones ("火", "火曜", "火曜日"), with a suggestion for typos.
/// </summary>
public static class DayNames
{
    private static readonly string[] English = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    private static readonly string[] Japanese = ["日", "月", "火", "水", "木", "金", "土"];

    /// <summary>The day, or null when the text names none.</summary>
    public static DayOfWeek? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // NFKC folds full-width input (common with Japanese keyboards) into ASCII.
        var t = text.Normalize(NormalizationForm.FormKC).Trim().TrimEnd('.').ToLowerInvariant();
        var index = Array.FindIndex(Japanese, d => t == d || t == d + "曜" || t == d + "曜日");
        if (index < 0 && t.Length >= 3)
        {
            index = Array.FindIndex(English, d => d.StartsWith(t, StringComparison.Ordinal));
        }

        return index < 0 ? null : (DayOfWeek)index;
    }

    /// <summary>The day whose name is nearest to a typo ("tuesdy" gives Tuesday), or null when none is close.</summary>
    public static DayOfWeek? Nearest(string? text)
    {
        var t = text?.Trim().ToLowerInvariant() ?? string.Empty;
        if (t.Length == 0)
        {
            return null;
        }

        var (day, distance) = Enumerable.Range(0, 7)
            .Select(i => (Day: (DayOfWeek)i, Distance: Math.Min(EditDistance.Between(t, English[i]), EditDistance.Between(t, English[i][..3]))))
            .OrderBy(x => x.Distance)
            .ThenBy(x => (int)x.Day)
            .First();
        return distance <= Math.Max(2, t.Length / 2) ? day : null;
    }

    /// <summary>The English name used in commands, lowercase, e.g. <c>tuesday</c>.</summary>
    public static string Name(DayOfWeek day) => English[(int)day];

    /// <summary>The three-letter code used in commands and stored values, e.g. <c>tue</c>.</summary>
    public static string Code(DayOfWeek day) => English[(int)day][..3];
}
