namespace CoachBot.Core.OneOnOnes.Calendar;

/// <summary>One user's calendar feed as the host writes it (iCalendar): their meetings, in their language and zone.</summary>
/// <param name="Name">The calendar's name in the user's calendar app.</param>
/// <param name="TimeZoneId">The user's IANA time zone: every event is written in it, with its VTIMEZONE.</param>
/// <param name="Language">The user's language (of every text in the feed).</param>
/// <param name="Meetings">Upcoming meetings, soonest first.</param>
public sealed record CalendarFeed(string Name, string TimeZoneId, string Language, IReadOnlyList<CalendarMeeting> Meetings);

/// <summary>One meeting of a pairing: a single event (not a recurring series, see ADR 0038).</summary>
/// <param name="Uid">Stable per pairing and meeting date, so calendar apps update the same event on every refresh.</param>
/// <param name="Start">The start instant (converted to the feed's zone when written).</param>
/// <param name="Duration">How long it is blocked in the calendar.</param>
/// <param name="Summary">The event's title.</param>
/// <param name="Description">The agenda text: how to open it, and the open action items on the next meeting.</param>
/// <param name="LastModified">When the pairing last changed.</param>
public sealed record CalendarMeeting(string Uid, DateTimeOffset Start, TimeSpan Duration, string Summary, string Description, DateTimeOffset LastModified);
