using System.Text.RegularExpressions;
using CoachBot.Core.Time;

namespace CoachBot.Core.Reflections;

/// <summary>Reads the channel and day of <c>team reflection</c> commands, with suggestions for typos.</summary>
public static partial class ReflectionArguments
{

    /// <summary>True for a channel name people can type: 1-80 letters, digits, '#', '-' or '_'.</summary>
    public static bool IsChannel(string? text) => text is not null && ChannelPattern().IsMatch(text);

    /// <summary>"fri", "Friday", "金", "金曜日" to a day; null otherwise.</summary>
    public static DayOfWeek? Day(string? text) => DayNames.Parse(text);

    /// <summary>The day name nearest to a typo (edit distance), e.g. "fryday" to Friday.</summary>
    public static DayOfWeek NearestDay(string text) => DayNames.Nearest(text) ?? DayOfWeek.Monday;

    /// <summary>The English day name, e.g. Friday.</summary>
    public static string DayName(DayOfWeek day) => char.ToUpperInvariant(DayNames.Name(day)[0]) + DayNames.Name(day)[1..];

    [GeneratedRegex("^[A-Za-z0-9#_-]{1,80}$")]
    private static partial Regex ChannelPattern();
}
