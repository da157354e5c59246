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
}
