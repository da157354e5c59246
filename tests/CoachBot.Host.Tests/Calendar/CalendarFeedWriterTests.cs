using CoachBot.Core.OneOnOnes.Calendar;
using CoachBot.Host.Calendar;
using IcalCalendar = Ical.Net.Calendar;

namespace CoachBot.Host.Tests.Calendar;

/// <summary>What users typed reaches the feed as text values only: it can add no event and no property.</summary>
public sealed class CalendarFeedWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Write_HostileTextWithLineBreaks_AddsNoEventOrProperty_AndReadsBackAsWritten(string newline)
    {
        var hostile = string.Join(newline,
            "plan; with, commas \\ and a backslash",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:evil@example.com",
            "SUMMARY:Injected",
            "ATTENDEE;CN=Mallory:mailto:mallory@example.com",
            "URL:https://evil.example/",
            "END:VEVENT");
        var feed = new CalendarFeed("1-on-1s", "Europe/Berlin", "en", [
            new CalendarMeeting("p1-20261201@coachbot", Now.AddDays(7), TimeSpan.FromMinutes(30), "1-on-1 with @bob" + newline + "URL:https://evil.example/", hostile, Now),
        ]);

        var text = CalendarFeedWriter.Write(feed, Now);

        var lines = text.Split("\r\n");
        Assert.DoesNotContain(lines, l => l.Contains('\r', StringComparison.Ordinal) || l.Contains('\n', StringComparison.Ordinal));
        Assert.Equal(1, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.DoesNotContain(lines, l => l.StartsWith("ATTENDEE", StringComparison.Ordinal) || l.StartsWith("URL", StringComparison.Ordinal));
        var calendar = IcalCalendar.Load(text)!;
        var only = Assert.Single(calendar.Events);
        Assert.Equal("p1-20261201@coachbot", only.Uid);
        Assert.Empty(only.Attendees);
        Assert.Null(only.Url);
        Assert.Equal(hostile.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), only.Description);
        Assert.Contains("plan; with, commas \\ and a backslash", only.Description, StringComparison.Ordinal);
    }
}
