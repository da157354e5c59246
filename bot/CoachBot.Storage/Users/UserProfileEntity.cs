using System.Globalization;
using Azure;
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
        row.TodayDate = profile.TodayDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row.TodayStepId = profile.TodayStepId;
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
        TodayDate = TodayDate is null ? null : DateOnly.ParseExact(TodayDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        TodayStepId = TodayStepId,
        CreatedAt = TableDates.FromColumn(CreatedAt),
        Version = ETag.ToString(),
    };

    private static DayOfWeek ParseDay(string name)
    {
        var index = Array.IndexOf(DayNames, name);
        return index >= 0 ? (DayOfWeek)index : throw new FormatException($"Unknown working day '{name}' in a Users row; expected one of {string.Join(',', DayNames)}.");
    }
}
