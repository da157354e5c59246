using CoachBot.Core.OneOnOnes.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace CoachBot.Host.Calendar;

/// <summary>
/// A <see cref="CalendarFeed"/> as iCalendar (RFC 5545) text with Ical.Net: every event's start in the user's zone
/// (<c>DTSTART;TZID=Europe/Berlin:...</c>) with the zone's VTIMEZONE, so Outlook and Google Calendar show the same
/// local time CoachBot does, on both sides of a daylight saving change.
/// </summary>
public static class CalendarFeedWriter
{
    /// <summary>How often calendar apps that honour it should refresh (Google Calendar sets its own pace).</summary>
    public const string RefreshInterval = "PT1H";

    public static string Write(CalendarFeed feed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var zone = Core.Time.TimeZones.FindOrUtc(feed.TimeZoneId);
        var calendar = new IcalCalendar { ProductId = "-//CoachBot//1-on-1 calendar//" + feed.Language.ToUpperInvariant() };
        calendar.AddProperty("X-WR-CALNAME", feed.Name);
        calendar.AddProperty("X-WR-TIMEZONE", feed.TimeZoneId);
        calendar.AddProperty("X-PUBLISHED-TTL", RefreshInterval);
        calendar.AddProperty("REFRESH-INTERVAL;VALUE=DURATION", RefreshInterval);

        // The zone's rules from a year back: enough for every listed meeting, short enough to keep the feed small.
        calendar.AddTimeZone(feed.TimeZoneId, now.UtcDateTime.AddYears(-1), includeHistoricalData: false);
        var stamp = new CalDateTime(now.UtcDateTime, true);
        foreach (var meeting in feed.Meetings)
        {
            var local = TimeZoneInfo.ConvertTime(meeting.Start, zone).DateTime;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = meeting.Uid,
                DtStamp = stamp,
                LastModified = new CalDateTime(meeting.LastModified.UtcDateTime, true),
                DtStart = new CalDateTime(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), feed.TimeZoneId),
                Duration = Duration.FromMinutes((int)meeting.Duration.TotalMinutes),
                Summary = meeting.Summary,
                Description = meeting.Description,
                Transparency = "OPAQUE",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
