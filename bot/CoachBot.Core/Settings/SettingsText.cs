using System.Globalization;
using CoachBot.Core.Conversation;
using CoachBot.Core.Users;

namespace CoachBot.Core.Settings;

/// <summary>Shows settings in the user's language; shared by onboarding and <c>settings</c>.</summary>
public static class SettingsText
{
    /// <summary>Working-day presets offered as buttons: (value typed or sent, label key).</summary>
    public static readonly IReadOnlyList<(string Value, string LabelKey)> DayPresets =
    [
        ("mon-fri", "days.mon_fri"),
        ("sun-thu", "days.sun_thu"),
        ("mon-sat", "days.mon_sat"),
        ("sun-sat", "days.every_day"),
    ];

    /// <summary>Nudge times offered as buttons.</summary>
    public static readonly IReadOnlyList<string> TimePresets = ["08:00", "09:00", "10:00", "13:00", "17:00"];

    public static string Days(TurnContext context, IEnumerable<DayOfWeek> days)
    {
        var names = Culture(context).DateTimeFormat.AbbreviatedDayNames;
        return string.Join(context.Profile.Language == "ja" ? "・" : ", ", days.Select(d => names[(int)d]));
    }

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Role(TurnContext context, string? role) =>
        role is null ? context.T("settings.not_set") : context.T($"role.{role}");

    public static string Path(TurnContext context, string? path) =>
        context.Content.Paths.FirstOrDefault(p => p.Id == path)?.Title ?? context.T("settings.not_set");

    public static string Language(TurnContext context, string language) => context.T($"language.{language}");

    /// <summary>The user's settings as label/value fields.</summary>
    public static IReadOnlyList<ReplyField> Fields(TurnContext context)
    {
        var p = context.Profile;
        return
        [
            new(context.T("settings.field.role"), Role(context, p.Role)),
            new(context.T("settings.field.path"), Path(context, p.CareerPath)),
            new(context.T("settings.field.time_zone"), p.TimeZoneId),
            new(context.T("settings.field.nudge_time"), Time(p.NudgeTime)),
            new(context.T("settings.field.working_days"), Days(context, p.WorkingDays)),
            new(context.T("settings.field.language"), Language(context, p.Language)),
        ];
    }

    /// <summary>Every setting as label/value fields: the onboarding summary plus quiet hours, pause, holidays,
    /// nudges and channel.</summary>
    public static IReadOnlyList<ReplyField> AllFields(TurnContext context)
    {
        var p = context.Profile;
        var pause = SettingsUpdate.CurrentPause(p, context.LocalToday);
        var upcoming = p.Holidays.Where(h => h >= context.LocalToday).ToList();
        return
        [
            .. Fields(context),
            new(context.T("settings.field.quiet_hours"), QuietHours(context)),
            new(context.T("settings.field.pause"), pause is null
                ? context.T("settings.value.not_paused")
                : context.T("settings.value.paused_until", ("date", Date(pause.To)))),
            new(context.T("settings.field.holidays"), upcoming.Count == 0
                ? context.T("settings.value.no_holidays")
                : upcoming.Count <= 5
                    ? string.Join(", ", upcoming.Select(Date))
                    : context.T("settings.value.holidays_more", ("dates", string.Join(", ", upcoming.Take(5).Select(Date))), ("count", upcoming.Count - 5))),
            new(context.T("settings.field.nudges"), context.T(p.NudgesStopped ? "settings.value.nudges_off" : "settings.value.nudges_on")),
            new(context.T("settings.field.channel"), Channel(context, p.NudgeChannel)),
        ];
    }

    public static string QuietHours(TurnContext context) =>
        context.Profile is { QuietHoursStart: { } start, QuietHoursEnd: { } end }
            ? context.T("settings.value.quiet", ("start", Time(start)), ("end", Time(end)))
            : context.T("settings.value.quiet_off");

    public static string Channel(TurnContext context, NudgeChannel channel) =>
        context.T(channel == NudgeChannel.AppHome ? "settings.value.channel_home" : "settings.value.channel_dm");

    /// <summary>A date as people type it in commands (yyyy-MM-dd), the same in every language.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Fields as text lines for the plain-text fallback.</summary>
    public static string AsLines(IEnumerable<ReplyField> fields) => string.Join("\n", fields.Select(f => $"• {f.Label}: {f.Value}"));

    private static CultureInfo Culture(TurnContext context) =>
        CultureInfo.GetCultureInfo(context.Profile.Language == "ja" ? "ja-JP" : "en-US");

    /// <summary>Working days as the value a multi-choice input holds (comma-separated day codes).</summary>
    public static string DayCodes(UserProfile profile) => string.Join(",", profile.WorkingDays.Select(SettingsParser.DayCode));
}
