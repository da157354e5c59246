using System.Text;
using System.Text.RegularExpressions;

namespace CoachBot.Core.Reflections;

/// <summary>Reads the channel and day of <c>team reflection</c> commands, with suggestions for typos.</summary>
public static partial class ReflectionArguments
{
    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    private static readonly string[] JapaneseDays = ["日", "月", "火", "水", "木", "金", "土"];

    /// <summary>True for a channel name people can type: 1-80 letters, digits, '#', '-' or '_'.</summary>
    public static bool IsChannel(string? text) => text is not null && ChannelPattern().IsMatch(text);

    /// <summary>"fri", "Friday", "金", "金曜日" to a day; null otherwise.</summary>
    public static DayOfWeek? Day(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant().TrimEnd('.');
        var japanese = Array.FindIndex(JapaneseDays, d => t == d || t == d + "曜" || t == d + "曜日");
        if (japanese >= 0)
        {
            return (DayOfWeek)japanese;
        }

        var index = Array.FindIndex(DayNames, d => t.Length >= 3 && d.StartsWith(t, StringComparison.Ordinal));
        return index < 0 ? null : (DayOfWeek)index;
    }

    /// <summary>The day name nearest to a typo (edit distance), e.g. "fryday" to Friday.</summary>
    public static DayOfWeek NearestDay(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        return (DayOfWeek)Enumerable.Range(0, 7)
            .OrderBy(i => Math.Min(Distance(t, DayNames[i]), Distance(t, DayNames[i][..3])))
            .First();
    }

    /// <summary>The English day name, e.g. Friday.</summary>
    public static string DayName(DayOfWeek day) => char.ToUpperInvariant(DayNames[(int)day][0]) + DayNames[(int)day][1..];

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex("^[A-Za-z0-9#_-]{1,80}$")]
    private static partial Regex ChannelPattern();
}
