using System.Globalization;
using System.Text;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.Settings;

/// <summary>
/// Parses what people type or pick for settings. Each method returns null on bad input so the caller can answer
/// with the key of a message that says what to type instead.
/// </summary>
public static class SettingsParser
{
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

    private static readonly HashSet<string> OffWords = new(["off", "none", "no", "なし", "オフ", "無効"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> StopWords = new(["stop", "stopped", "disable", "停止", "止める"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> OnWords = new(["on", "yes", "start", "enable", "オン", "有効", "再開"], StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, NudgeChannel> Channels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dm"] = NudgeChannel.DirectMessage,
        ["direct"] = NudgeChannel.DirectMessage,
        ["direct message"] = NudgeChannel.DirectMessage,
        ["message"] = NudgeChannel.DirectMessage,
        ["home"] = NudgeChannel.AppHome,
        ["app home"] = NudgeChannel.AppHome,
        ["apphome"] = NudgeChannel.AppHome,
        ["ホーム"] = NudgeChannel.AppHome,
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

    /// <summary>"2026-12-31" (also with slashes or full-width digits) to a date.</summary>
    public static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Normalize(NormalizationForm.FormKC).Trim().Replace('/', '-');
        return DateOnly.TryParseExact(t, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>
    /// The last day of a pause: a date ("2026-12-31") or a length from <paramref name="today"/> ("1w", "2 weeks",
    /// "10 days", "1週間"). A length of N days ends N days after today, so "1 week" is back on the same weekday.
    /// Past dates are returned as they are: the caller refuses them with a message that names the date.
    /// </summary>
    public static DateOnly? PauseUntil(string? text, DateOnly today)
    {
        if (Date(text) is { } date)
        {
            return date;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        var digits = t.TakeWhile(char.IsAsciiDigit).Count();
        if (digits is 0 or > 3 || !int.TryParse(t[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count == 0)
        {
            return null;
        }

        var days = t[digits..] switch
        {
            "d" or "day" or "days" or "日" or "日間" => count,
            "w" or "week" or "weeks" or "週" or "週間" => count * 7,
            _ => -1,
        };
        return days < 0 ? null : today.AddDays(days);
    }

    /// <summary>"22:00-07:00" (also "22:00～7:00", "10pm to 7am") to start and end; null when unreadable or when
    /// start and end are the same (that would be quiet all day or never).</summary>
    public static (TimeOnly Start, TimeOnly End)? TimeRange(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant()
            .Replace(" to ", "-", StringComparison.Ordinal).Replace('~', '-').Replace('–', '-').Replace('〜', '-');
        var parts = t.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && TimeOfDay(parts[0]) is { } start && TimeOfDay(parts[1]) is { } end && start != end
            ? (start, end)
            : null;
    }

    /// <summary>True for words that turn a setting off or clear it: off, none, no, なし, オフ.</summary>
    public static bool IsOff(string? text) =>
        text is not null && OffWords.Contains(text.Normalize(NormalizationForm.FormKC).Trim());

    /// <summary>"on"/"off" (and start/stop, yes/no, オン/オフ) to true/false.</summary>
    public static bool? OnOff(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var t = text.Normalize(NormalizationForm.FormKC).Trim();
        return OnWords.Contains(t) ? true : OffWords.Contains(t) || StopWords.Contains(t) ? false : null;
    }

    /// <summary>"dm" / "direct" / "home" / "app home" to where nudges go.</summary>
    public static NudgeChannel? Channel(string? text) =>
        text is not null && Channels.TryGetValue(text.Normalize(NormalizationForm.FormKC).Trim(), out var channel) ? channel : null;

    /// <summary>
    /// Matches an answer against fixed ids: the id itself (any case, "_" or space), its 1-based number, its label in
    /// the user's language, or, from three characters on, a part of that label. Onboarding and settings share it so a
    /// role or path is typed the same way in both.
    /// </summary>
    public static string? Pick(string? answer, IReadOnlyList<string> ids, Func<string, string> label)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(label);
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        var a = answer.Normalize(NormalizationForm.FormKC).Trim().TrimEnd('.');
        if (int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= ids.Count)
        {
            return ids[number - 1];
        }

        return ids.FirstOrDefault(id => string.Equals(id, a, StringComparison.OrdinalIgnoreCase) || string.Equals(id.Replace('_', ' '), a, StringComparison.OrdinalIgnoreCase))
            ?? ids.FirstOrDefault(id => string.Equals(label(id), a, StringComparison.OrdinalIgnoreCase))
            ?? (a.Length >= 3 ? ids.FirstOrDefault(id => label(id).Contains(a, StringComparison.OrdinalIgnoreCase)) : null);
    }

    /// <summary>The short English day name used in commands and stored values (mon, tue, ...).</summary>
    public static string DayCode(DayOfWeek day) => DayNames.Code(day);

    private static DayOfWeek? Day(string text) => DayNames.Parse(text);
}
