using CoachBot.Core.Time;

namespace CoachBot.Core.Tests;

public sealed class DayNamesTests
{
    [Theory]
    [InlineData("tue", DayOfWeek.Tuesday)]
    [InlineData("Tues", DayOfWeek.Tuesday)]
    [InlineData("TUESDAY", DayOfWeek.Tuesday)]
    [InlineData("fri.", DayOfWeek.Friday)]
    [InlineData("金", DayOfWeek.Friday)]
    [InlineData("金曜", DayOfWeek.Friday)]
    [InlineData("金曜日", DayOfWeek.Friday)]
    [InlineData("ｓｕｎ", DayOfWeek.Sunday)]
    public void Parse_EnglishPrefixesAndJapaneseNames_GiveTheDay(string text, DayOfWeek expected) =>
        Assert.Equal(expected, DayNames.Parse(text));

    [Theory]
    [InlineData("tu")]
    [InlineData("tuesdays")]
    [InlineData("someday")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_NoDay_IsNull(string? text) => Assert.Null(DayNames.Parse(text));

    [Theory]
    [InlineData("tuesdy", DayOfWeek.Tuesday)]
    [InlineData("fryday", DayOfWeek.Friday)]
    [InlineData("wensday", DayOfWeek.Wednesday)]
    public void Nearest_Typo_SuggestsTheDay(string text, DayOfWeek expected) => Assert.Equal(expected, DayNames.Nearest(text));

    [Fact]
    public void Nearest_Gibberish_IsNull() => Assert.Null(DayNames.Nearest("qqqqqqqqqq"));

    [Fact]
    public void NameAndCode_AreTheCommandForms() => Assert.Equal(("thursday", "thu"), (DayNames.Name(DayOfWeek.Thursday), DayNames.Code(DayOfWeek.Thursday)));
}
