using System.Globalization;

namespace CoachBot.Core.Time;

/// <summary>The culture each content language writes dates in.</summary>
public static class LanguageCultures
{
    /// <summary>ja-JP for Japanese, en-US otherwise.</summary>
    public static CultureInfo For(string? language) => CultureInfo.GetCultureInfo(language == "ja" ? "ja-JP" : "en-US");

    /// <summary>A month as people write it: "December 2026", 「2026年12月」.</summary>
    public static string MonthYear(DateOnly month, string? language)
    {
        var culture = For(language);
        return month.ToString(culture.DateTimeFormat.YearMonthPattern, culture);
    }
}
