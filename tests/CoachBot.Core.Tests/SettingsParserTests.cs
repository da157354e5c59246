using CoachBot.Core.Settings;

namespace CoachBot.Core.Tests;

public sealed class SettingsParserTests
{
    [Theory]
    [InlineData("09:30", 9, 30)]
    [InlineData("9:30", 9, 30)]
    [InlineData("930", 9, 30)]
    [InlineData("17", 17, 0)]
    [InlineData("5pm", 17, 0)]
    [InlineData("12 am", 0, 0)]
    [InlineData("０８:００", 8, 0)]
    [InlineData("08：15", 8, 15)]
    public void TimeOfDay_CommonForms_Parse(string text, int hour, int minute)
    {
        var time = SettingsParser.TimeOfDay(text);

        if (hour < 0)
        {
            Assert.Null(time);
        }
        else
        {
            Assert.Equal(new TimeOnly(hour, minute), time);
        }
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("9:5")]
    [InlineData("13pm")]
    [InlineData("noon")]
    [InlineData("")]
    public void TimeOfDay_Nonsense_IsNull(string text) => Assert.Null(SettingsParser.TimeOfDay(text));

    [Fact]
    public void WorkingDays_Range_WrapsAroundTheWeek()
    {
        var days = SettingsParser.WorkingDays("sun-thu");

        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Sunday], days);
    }

    [Theory]
    [InlineData("mon,wed,fri", 3)]
    [InlineData("Monday, Wednesday", 2)]
    [InlineData("weekdays", 5)]
    [InlineData("平日", 5)]
    [InlineData("every day", 7)]
    public void WorkingDays_ListsAndPresets_Parse(string text, int count) => Assert.Equal(count, SettingsParser.WorkingDays(text)?.Count);

    [Theory]
    [InlineData("funday")]
    [InlineData("mo")]
    [InlineData("")]
    public void WorkingDays_Nonsense_IsNull(string text) => Assert.Null(SettingsParser.WorkingDays(text));

    [Theory]
    [InlineData("Asia/Tokyo", "Asia/Tokyo")]
    [InlineData("asia/tokyo", "Asia/Tokyo")]
    [InlineData("america/new_york", "America/New_York")]
    [InlineData("UTC", "UTC")]
    public void TimeZone_IanaIdsInAnyCase_AreCanonical(string text, string expected) => Assert.Equal(expected, SettingsParser.TimeZone(text));

    [Theory]
    [InlineData("Tokyo Standard Time")]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    public void TimeZone_WindowsOrUnknownIds_AreRefused(string text) => Assert.Null(SettingsParser.TimeZone(text));

    [Theory]
    [InlineData("ja", "ja")]
    [InlineData("Japanese", "ja")]
    [InlineData("日本語", "ja")]
    [InlineData("EN", "en")]
    [InlineData("fr", null)]
    public void Language_Names_Map(string text, string? expected) => Assert.Equal(expected, SettingsParser.Language(text));

    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("2026-12-31", 2026, 12, 31)]
    [InlineData("2026/1/5", 2026, 1, 5)]
    [InlineData("２０２６-１２-２５", 2026, 12, 25)]
    public void Date_IsoAndSlashForms_Parse(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), SettingsParser.Date(text));

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("christmas")]
    [InlineData("")]
    public void Date_Nonsense_IsNull(string text) => Assert.Null(SettingsParser.Date(text));

    [Theory]
    [InlineData("1w", 7)]
    [InlineData("2 weeks", 14)]
    [InlineData("10 days", 10)]
    [InlineData("1週間", 7)]
    [InlineData("2026-11-30", 6)]
    [InlineData("2026-11-23", -1)]
    public void PauseUntil_DatesAndLengths_AreDaysFromToday(string text, int days) =>
        Assert.Equal(Today.AddDays(days), SettingsParser.PauseUntil(text, Today));

    [Theory]
    [InlineData("0w")]
    [InlineData("3 fortnights")]
    [InlineData("soon")]
    public void PauseUntil_Nonsense_IsNull(string text) => Assert.Null(SettingsParser.PauseUntil(text, Today));

    [Theory]
    [InlineData("22:00-07:00", 22, 0, 7, 0)]
    [InlineData("22:00～7:00", 22, 0, 7, 0)]
    [InlineData("10pm to 6:30am", 22, 0, 6, 30)]
    [InlineData("13:00 - 14:00", 13, 0, 14, 0)]
    public void TimeRange_CommonForms_Parse(string text, int startHour, int startMinute, int endHour, int endMinute) =>
        Assert.Equal((new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute)), SettingsParser.TimeRange(text));

    [Theory]
    [InlineData("22:00")]
    [InlineData("22:00-22:00")]
    [InlineData("22:00-25:00")]
    [InlineData("")]
    public void TimeRange_IncompleteOrEmptyRange_IsNull(string text) => Assert.Null(SettingsParser.TimeRange(text));

    [Theory]
    [InlineData("off", false)]
    [InlineData("OFF", false)]
    [InlineData("stop", false)]
    [InlineData("オフ", false)]
    [InlineData("on", true)]
    [InlineData("start", true)]
    [InlineData("maybe", null)]
    public void OnOff_Words_Map(string text, bool? expected) => Assert.Equal(expected, SettingsParser.OnOff(text));

    [Theory]
    [InlineData("off", true)]
    [InlineData("none", true)]
    [InlineData("なし", true)]
    [InlineData("22:00-07:00", false)]
    public void IsOff_OffWords_AreRecognised(string text, bool expected) => Assert.Equal(expected, SettingsParser.IsOff(text));

    [Theory]
    [InlineData("dm", Users.NudgeChannel.DirectMessage)]
    [InlineData("Direct message", Users.NudgeChannel.DirectMessage)]
    [InlineData("home", Users.NudgeChannel.AppHome)]
    [InlineData("App Home", Users.NudgeChannel.AppHome)]
    [InlineData("email", null)]
    public void Channel_Names_Map(string text, Users.NudgeChannel? expected) => Assert.Equal(expected, SettingsParser.Channel(text));

    [Theory]
    [InlineData("2", "senior")]
    [InlineData("MANAGER", "manager")]
    [InlineData("Engineering manager", "manager")]
    [InlineData("direct", "director")]
    [InlineData("9", null)]
    [InlineData("xy", null)]
    public void Pick_NumbersIdsAndLabels_Map(string text, string? expected)
    {
        string[] ids = ["engineer", "senior", "manager", "director", "other"];
        var labels = new Dictionary<string, string>
        {
            ["engineer"] = "Engineer", ["senior"] = "Senior engineer", ["manager"] = "Engineering manager", ["director"] = "Director", ["other"] = "Something else",
        };

        Assert.Equal(expected, SettingsParser.Pick(text, ids, id => labels[id]));
    }

    [Theory]
    [InlineData("Asia/Tokio", "Asia/Tokyo")]
    [InlineData("tokyo", "Asia/Tokyo")]
    [InlineData("new york", "America/New_York")]
    [InlineData("NEW_YORK", "America/New_York")]
    [InlineData("Europe/Pariss", "Europe/Paris")]
    [InlineData("kolkata", "Asia/Kolkata")]
    public void Suggest_TyposAndCities_GiveTheIanaIdFirst(string text, string expected) =>
        Assert.Equal(expected, Time.TimeZones.Suggest(text)[0]);

    [Theory]
    [InlineData("qqqqqqqqqqqqqqqqqqqq")]
    [InlineData("")]
    public void Suggest_NothingClose_IsEmpty(string text) => Assert.Empty(Time.TimeZones.Suggest(text));

    [Fact]
    public void Suggest_NeverOffersLegacyAliases() =>
        Assert.All(Time.TimeZones.Suggest("eastern", max: 10), id => Assert.False(id.StartsWith("US/", StringComparison.Ordinal), id));
}
