using CoachBot.Core.Scheduling;

namespace CoachBot.Core.Tests.Scheduling;

public sealed class LocalInstantsTests
{
    [Theory]
    [InlineData("America/New_York", "2026-03-08", "02:30", "2026-03-08T07:00:00Z")]
    [InlineData("America/New_York", "2026-03-08", "02:00", "2026-03-08T07:00:00Z")]
    [InlineData("America/New_York", "2026-03-08", "02:59", "2026-03-08T07:00:00Z")]
    [InlineData("Europe/London", "2026-03-29", "01:30", "2026-03-29T01:00:00Z")]
    [InlineData("Australia/Sydney", "2026-10-04", "02:30", "2026-10-03T16:00:00Z")]
    public void Resolve_TimeInsideSpringForwardGap_FiresAtFirstMinuteAfterTheGap(string zone, string date, string time, string expected)
    {
        var instant = LocalInstants.Resolve(TimeZoneInfo.FindSystemTimeZoneById(zone), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Theory]
    [InlineData("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z")]
    [InlineData("America/New_York", "2026-11-01", "01:00", "2026-11-01T05:00:00Z")]
    [InlineData("Europe/London", "2026-10-25", "01:15", "2026-10-25T00:15:00Z")]
    [InlineData("Australia/Sydney", "2026-04-05", "02:30", "2026-04-04T15:30:00Z")]
    public void Resolve_TimeInsideRepeatedHour_FiresAtTheFirstOccurrence(string zone, string date, string time, string expected)
    {
        var instant = LocalInstants.Resolve(TimeZoneInfo.FindSystemTimeZoneById(zone), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Theory]
    [InlineData("Asia/Tokyo", "2026-07-01", "09:00", "2026-07-01T00:00:00Z")]
    [InlineData("Asia/Kolkata", "2026-07-01", "09:00", "2026-07-01T03:30:00Z")]
    [InlineData("America/New_York", "2026-03-08", "03:00", "2026-03-08T07:00:00Z")]
    [InlineData("America/New_York", "2026-11-01", "02:00", "2026-11-01T07:00:00Z")]
    [InlineData("Australia/Sydney", "2026-01-05", "09:00", "2026-01-04T22:00:00Z")]
    public void Resolve_OrdinaryTime_ConvertsWithTheZonesOffset(string zone, string date, string time, string expected)
    {
        var instant = LocalInstants.Resolve(TimeZoneInfo.FindSystemTimeZoneById(zone), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Fact]
    public void DateOfAndTimeOf_InstantNearMidnight_UseTheLocalWallClock()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var instant = new DateTimeOffset(2026, 5, 31, 15, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 6, 1), LocalInstants.DateOf(instant, zone));
        Assert.Equal(new TimeOnly(0, 30), LocalInstants.TimeOf(instant, zone));
    }
}
