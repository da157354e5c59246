using System.Globalization;
using System.Text;
using CoachBot.Core.Time;

namespace CoachBot.Core.Settings;

/// <summary>
/// Parses what people type or pick for settings. Each method returns null on bad input so the caller can answer
/// with the key of a message that says what to type instead.
/// </summary>
public static class SettingsParser
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static readonly Dictionary<string, IReadOnlyList<DayOfWeek>> DayPresets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["weekdays"] = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        ["平日"] = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        ["every day"] = [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday],
        ["毎日"] = [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday],
    };

    private static readonly Dictionary<string, string> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en",
        ["english"] = "en",
        ["英語"] = "en",
        ["ja"] = "ja",
        ["japanese"] = "ja",
        ["日本語"] = "ja",
    };

    /// <summary>"Asia/Tokyo" (any case) to the canonical IANA id.</summary>
    public static string? TimeZone(string? text) => TimeZones.TryFind(text, out var zone) ? zone.Id : null;

    /// <summary>"9:30", "09:30", "930", "9am", "5 pm" to a time of day.</summary>
    public static TimeOnly? TimeOfDay(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // NFKC turns full-width digits and colons (common in Japanese input) into ASCII.
        var t = text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        var pm = t.EndsWith("pm", StringComparison.Ordinal);
        var am = t.EndsWith("am", StringComparison.Ordinal);
        if (pm || am)
        {
            t = t[..^2];
        }

        int hour, minute = 0;
        var parts = t.Split(':');
        if (parts.Length == 2)
        {
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hour)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute) || parts[1].Length != 2)
            {
                return null;
            }
        }
        else if (parts.Length == 1 && t.Length is >= 1 and <= 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            (hour, minute) = t.Length <= 2 ? (number, 0) : (number / 100, number % 100);
        }
        else
        {
            return null;
        }

        if (pm || am)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = (hour % 12) + (pm ? 12 : 0);
        }

        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>"mon-fri", "mon,wed,fri", "sun-thu", "weekdays", "every day" to a set of days, Monday first.</summary>
    public static IReadOnlyList<DayOfWeek>? WorkingDays(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (DayPresets.TryGetValue(t, out var preset))
        {
            return preset;
        }

        var days = new HashSet<DayOfWeek>();
        foreach (var part in t.ToLowerInvariant().Split([',', ' ', '、'], StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            if (range.Length == 2 && Day(range[0]) is { } from && Day(range[1]) is { } to)
            {
                for (var d = (int)from; ; d = (d + 1) % 7)
                {
                    days.Add((DayOfWeek)d);
                    if (d == (int)to)
                    {
                        break;
                    }
                }
            }
            else if (range.Length == 1 && Day(part) is { } single)
            {
                days.Add(single);
            }
            else
            {
                return null;
            }
        }

        return days.Count == 0 ? null : [.. days.OrderBy(d => ((int)d + 6) % 7)];
    }

    /// <summary>"en", "English", "ja", "日本語" to en or ja.</summary>
    public static string? Language(string? text) =>
        text is not null && Languages.TryGetValue(text.Trim(), out var language) ? language : null;

    /// <summary>The short English day name used in commands and stored values (mon, tue, ...).</summary>
    public static string DayCode(DayOfWeek day) => DayNames[(int)day];

    private static DayOfWeek? Day(string text)
    {
        var t = text.Trim();
        if (t.Length < 3)
        {
            return null;
        }

        var index = Array.FindIndex(DayNames, n => t.StartsWith(n, StringComparison.Ordinal));
        return index < 0 ? null : (DayOfWeek)index;
    }
}
