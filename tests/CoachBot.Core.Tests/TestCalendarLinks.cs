using CoachBot.Core.OneOnOnes.Calendar;

namespace CoachBot.Core.Tests;

/// <summary>Calendar feed addresses on a made-up public host, as a host with Charts:PublicBaseUrl makes them.</summary>
internal sealed class TestCalendarLinks : ICalendarFeedLinks
{
    public const string Base = "https://coachbot.test/calendar/";

    public string? TryCreateUrl(string token, string channel) => Base + token + ".ics";
}
