using System.Globalization;
using Azure;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Users;

/// <summary>The Users table row of one profile. Values are stored as readable text (HH:mm, yyyy-MM-dd, day and enum
/// names) so a person browsing the table can read them and a renamed enum value fails loudly on read.</summary>
internal sealed class UserProfileEntity : UserTableRow
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public string? DisplayName { get; set; }

    public string Language { get; set; } = string.Empty;

    public string TimeZoneId { get; set; } = string.Empty;

    public bool TimeZoneChosen { get; set; }

    public string NudgeTime { get; set; } = string.Empty;

    public string WorkingDays { get; set; } = string.Empty;

    public string? Role { get; set; }

    public string? CareerPath { get; set; }

    public string Onboarding { get; set; } = string.Empty;

    public string? TodayDate { get; set; }

    public string? TodayStepId { get; set; }

    public string? QuietHoursStart { get; set; }

    public string? QuietHoursEnd { get; set; }

    /// <summary>Comma-separated <c>yyyy-MM-dd..yyyy-MM-dd</c> ranges.</summary>
    public string? Pauses { get; set; }

    /// <summary>Comma-separated <c>yyyy-MM-dd</c> dates.</summary>
    public string? Holidays { get; set; }

    public bool NudgesStopped { get; set; }

    public bool ShareWithLeads { get; set; }

    public string? NudgeChannel { get; set; }

    public string? TodayDeclined { get; set; }

    public bool TodaySkipped { get; set; }

    public DateTimeOffset? SnoozedUntil { get; set; }

    public string? ReadingBookId { get; set; }

    public string? ReadingSince { get; set; }

    public string? SetupRemindedOn { get; set; }

    public string? BooksFinished { get; set; }

    public string? BooksSkipped { get; set; }

    public string? MissionFocus { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public static UserProfileEntity From(UserProfile profile, string partitionKey, string rowKey)
    {
        var row = Create<UserProfileEntity>(profile.User, partitionKey, rowKey);
        row.DisplayName = profile.DisplayName;
        row.Language = profile.Language;
        row.TimeZoneId = profile.TimeZoneId;
        row.TimeZoneChosen = profile.TimeZoneChosen;
        row.NudgeTime = profile.NudgeTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        row.WorkingDays = string.Join(',', profile.WorkingDays.Select(day => DayNames[(int)day]));
        row.Role = profile.Role;
        row.CareerPath = profile.CareerPath;
        row.Onboarding = profile.Onboarding.ToString();
        row.TodayDate = Date(profile.TodayDate);
        row.TodayStepId = profile.TodayStepId;
        row.QuietHoursStart = Time(profile.QuietHoursStart);
        row.QuietHoursEnd = Time(profile.QuietHoursEnd);
        row.Pauses = Join(profile.Pauses.Select(p => $"{Date(p.From)}..{Date(p.To)}"));
        row.Holidays = Join(profile.Holidays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        row.NudgesStopped = profile.NudgesStopped;
        row.ShareWithLeads = profile.ShareWithLeads;
        row.NudgeChannel = profile.NudgeChannel.ToString();
        row.TodayDeclined = Join(profile.TodayDeclined);
        row.TodaySkipped = profile.TodaySkipped;
        row.SnoozedUntil = profile.SnoozedUntil is { } snoozed ? TableDates.ToColumn(snoozed) : null;
        row.ReadingBookId = profile.ReadingBookId;
        row.ReadingSince = Date(profile.ReadingSince);
        row.SetupRemindedOn = Date(profile.SetupRemindedOn);
        row.BooksFinished = Join(profile.BooksFinished);
        row.BooksSkipped = Join(profile.BooksSkipped);
        row.MissionFocus = profile.MissionFocus;
        row.CreatedAt = TableDates.ToColumn(profile.CreatedAt);
        return row;
    }

    public UserProfile ToProfile() => new()
    {
        User = User(),
        DisplayName = DisplayName,
        Language = Language,
        TimeZoneId = TimeZoneId,
        TimeZoneChosen = TimeZoneChosen,
        NudgeTime = TimeOnly.ParseExact(NudgeTime, "HH:mm", CultureInfo.InvariantCulture),
        WorkingDays = [.. WorkingDays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseDay)],
        Role = Role,
        CareerPath = CareerPath,
        Onboarding = Enum.Parse<OnboardingStep>(Onboarding),
        TodayDate = ParseDate(TodayDate),
        TodayStepId = TodayStepId,
        QuietHoursStart = ParseTime(QuietHoursStart),
        QuietHoursEnd = ParseTime(QuietHoursEnd),
        Pauses = [.. Split(Pauses).Select(ParseRange)],
        Holidays = [.. Split(Holidays).Select(d => ParseDate(d)!.Value)],
        NudgesStopped = NudgesStopped,
        ShareWithLeads = ShareWithLeads,
        NudgeChannel = NudgeChannel is null ? Core.Users.NudgeChannel.DirectMessage : Enum.Parse<NudgeChannel>(NudgeChannel),
        TodayDeclined = Split(TodayDeclined),
        TodaySkipped = TodaySkipped,
        SnoozedUntil = SnoozedUntil is { } snoozed ? TableDates.FromColumn(snoozed) : null,
        ReadingBookId = ReadingBookId,
        ReadingSince = ParseDate(ReadingSince),
        SetupRemindedOn = ParseDate(SetupRemindedOn),
        BooksFinished = Split(BooksFinished),
        BooksSkipped = Split(BooksSkipped),
        MissionFocus = MissionFocus,
        CreatedAt = TableDates.FromColumn(CreatedAt),
        Version = ETag.ToString(),
    };

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static TimeOnly? ParseTime(string? text) =>
        text is null ? null : TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Ids and dates never contain commas, so a comma list is enough (and readable in a table browser).</summary>
    private static string? Join(IEnumerable<string> values)
    {
        var joined = string.Join(',', values);
        return joined.Length == 0 ? null : joined;
    }

    private static string[] Split(string? text) => text?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static DateRange ParseRange(string text)
    {
        var parts = text.Split("..");
        return parts.Length == 2
            ? new DateRange(ParseDate(parts[0])!.Value, ParseDate(parts[1])!.Value)
            : throw new FormatException($"Pause '{text}' in a Users row is not 'yyyy-MM-dd..yyyy-MM-dd'.");
    }

    private static DayOfWeek ParseDay(string name)
    {
        var index = Array.IndexOf(DayNames, name);
        return index >= 0 ? (DayOfWeek)index : throw new FormatException($"Unknown working day '{name}' in a Users row; expected one of {string.Join(',', DayNames)}.");
    }
}
