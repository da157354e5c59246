using CoachBot.Core.Health;

namespace CoachBot.Core.Tests.Health;

/// <summary>The privacy rules of team health, as pure functions.</summary>
public sealed class HealthAggregationTests
{
    [Fact]
    public void Aggregate_TwoPeople_KeepsNoNumbersAtAll()
    {
        var cell = HealthAggregation.Aggregate([Person("a", 3, 4), Person("b", 1, 2)]);

        Assert.True(cell.Hidden);
        Assert.Equal(HealthCell.TooFew, cell);
        Assert.Equal((0, 0), (cell.Numerator, cell.Denominator));
    }

    [Fact]
    public void Aggregate_ThreePeople_SumsThem()
    {
        var cell = HealthAggregation.Aggregate([Person("a", 3, 4), Person("b", 1, 2), Person("c", 2, 2)]);

        Assert.False(cell.Hidden);
        Assert.Equal((3, 6, 8, 75), (cell.Contributors, cell.Numerator, cell.Denominator, cell.Percent));
    }

    [Fact]
    public void Aggregate_SameSourceListedTwice_CountsItsPeopleOnce()
    {
        var cell = HealthAggregation.Aggregate([Person("a", 1, 1), Person("a", 1, 1), Person("b", 1, 1)]);

        Assert.True(cell.Hidden);
    }

    [Fact]
    public void Aggregate_Parts_AddUpPerAction()
    {
        var cell = HealthAggregation.Aggregate([
            new HealthContribution("a", 1, 2, 0, [1, 1, 0, 0, 0]),
            new HealthContribution("b", 1, 1, 0, [0, 0, 1, 0, 0]),
            new HealthContribution("c", 1, 3, 0, [3, 0, 0, 0, 0]),
        ]);

        Assert.Equal([4, 1, 1, 0, 0], cell.Parts);
    }

    [Theory]
    [InlineData(3, 0, true)]
    [InlineData(3, 1, false)]
    [InlineData(4, 2, false)]
    [InlineData(5, 2, true)]
    [InlineData(6, 3, true)]
    [InlineData(3, 3, false)]
    public void Visible_SharersMustLeaveAtLeastThreeOthers(int contributors, int sharers, bool visible)
    {
        var cell = new HealthCell(contributors, 1, 2, []);

        Assert.Equal(visible, HealthAggregation.Visible(cell, sharers) is not null);
    }

    [Fact]
    public void Visible_HiddenCell_StaysHiddenWithoutSharers()
    {
        Assert.Null(HealthAggregation.Visible(HealthCell.TooFew, 0));
    }

    [Fact]
    public void CoarsenThemes_AThemeOfOneAnswer_CountsAsNone()
    {
        var cell = HealthAggregation.CoarsenThemes(new HealthCell(4, 3, 4, [2, 1, 0, 3, 1]));

        Assert.Equal([2, 0, 0, 3, 0], cell.Parts);
    }

    [Fact]
    public void Total_SumsVisibleWeeksOnly()
    {
        var series = new HealthSeries("x", [new HealthCell(3, 1, 2, []), null, new HealthCell(4, 3, 4, [])]);

        Assert.Equal((4, 6, 1), (series.Total(3).Numerator, series.Total(3).Denominator, series.HiddenWeeks));
        Assert.Equal((3, 4), (series.Total(1).Numerator, series.Total(1).Denominator));
    }

    private static HealthContribution Person(string key, int numerator, int denominator) => new(key, 1, numerator, denominator, []);
}
