using CoachBot.Content.Loading;
using CoachBot.Content.Model;

namespace CoachBot.Content.Tests;

public sealed class StringTablePluralTests
{
    private static readonly StringTable Table = new(new Dictionary<string, string>
    {
        ["days"] = "{count, plural, =0 {no days yet} one {# day} other {# days}} with {name}",
        ["ja"] = "{count, plural, other {# 日}}連続",
        ["two"] = "{a, plural, one {# item} other {# items}} and {b, plural, one {one point} other {# points}}",
    });

    [Theory]
    [InlineData(0, "no days yet with Ann")]
    [InlineData(1, "1 day with Ann")]
    [InlineData(2, "2 days with Ann")]
    [InlineData(21, "21 days with Ann")]
    public void Format_PluralBlock_ChoosesTheBranchForTheNumber(int count, string expected) =>
        Assert.Equal(expected, Table.Format("days", ("count", count), ("name", "Ann")));

    [Fact]
    public void Format_OnlyOther_UsedForEveryNumber()
    {
        Assert.Equal("1 日連続", Table.Format("ja", ("count", 1)));
        Assert.Equal("3 日連続", Table.Format("ja", ("count", 3)));
    }

    [Fact]
    public void Format_TwoPluralBlocks_EachFollowsItsOwnNumber() =>
        Assert.Equal("1 item and 4 points", Table.Format("two", ("a", 1), ("b", 4)));

    [Fact]
    public void PlaceholdersOf_PluralBlock_NamesTheCountAndTheInnerPlaceholdersNotTheBranchWords() =>
        Assert.Equal(["b", "count", "name"], StringTable.PlaceholdersOf("{count, plural, one {once} other {# times with {name}}} {b}"));

    [Fact]
    public void ShippedStrings_NoEnglishSentenceFakesAPluralWithParentheses()
    {
        var strings = ContentLoader.Load(ContentFolder.Shipped).For("en").Strings;

        var faked = strings.Keys.Where(k => strings.Template(k).Contains("(s)", StringComparison.Ordinal)).ToList();

        Assert.Empty(faked);
    }
}
