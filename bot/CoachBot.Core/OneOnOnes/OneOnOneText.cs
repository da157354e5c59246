using System.Globalization;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>Renders 1-on-1 data as text for one reader: their language, their time zone.</summary>
internal static class OneOnOneText
{
    /// <summary>"Tue 2026-12-01 15:00 (Asia/Tokyo)": the instant in the reader's own zone.</summary>
    public static string When(DateTimeOffset instant, string language, string timeZoneId)
    {
        var zone = TimeZones.FindOrUtc(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var culture = LanguageCultures.For(language);
        return local.ToString("ddd yyyy-MM-dd HH:mm", culture) + " (" + zone.Id + ")";
    }

    /// <summary>"@bob" for a person, or their display name when known.</summary>
    public static string Name(UserRef user, UserProfile? profile) =>
        string.IsNullOrWhiteSpace(profile?.DisplayName) ? "@" + user.UserId : profile.DisplayName + " (@" + user.UserId + ")";

    public static string Mention(UserRef user) => "@" + user.UserId;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
}
