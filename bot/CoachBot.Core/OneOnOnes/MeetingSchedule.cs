using CoachBot.Core.Time;

namespace CoachBot.Core.OneOnOnes;

/// <summary>
/// Meeting instants of a pairing, computed from its cadence in the pairing's (the manager's) time zone. Wall-clock
/// times are converted with <see cref="TimeZoneInfo"/>, so a 15:00 meeting in Los Angeles stays at 15:00 local across
/// daylight saving changes and moves in UTC instead.
/// </summary>
public static class MeetingSchedule
{
    /// <summary>The first date on or after <paramref name="from"/> that falls on <paramref name="day"/>.</summary>
    public static DateOnly NextDay(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

    /// <summary>The first meeting date of a new schedule: the first <paramref name="day"/> whose meeting starts after <paramref name="now"/>.</summary>
    public static DateOnly FirstMeeting(DayOfWeek day, TimeOnly time, string timeZoneId, DateTimeOffset now)
    {
        var zone = TimeZones.FindOrUtc(timeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var date = NextDay(today, day);
        return Instant(zone, date, time) > now ? date : date.AddDays(7);
    }

    /// <summary>The start of the meeting on <paramref name="date"/> (a local date in the pairing's zone), in UTC.</summary>
    public static DateTimeOffset Instant(Pairing pairing, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        return Instant(TimeZones.FindOrUtc(pairing.TimeZoneId), date, pairing.Time);
    }

    /// <summary>The next meeting that starts after <paramref name="now"/>, in UTC; null unless the pairing is active.</summary>
    public static DateTimeOffset? NextMeetingUtc(Pairing pairing, DateTimeOffset now) =>
        NextMeetingDate(pairing, now) is { } date ? Instant(pairing, date) : null;

    /// <summary>The local date of the next meeting that starts after <paramref name="now"/>; null unless active.</summary>
    public static DateOnly? NextMeetingDate(Pairing pairing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        if (pairing.State != PairingState.Active)
        {
            return null;
        }

        return Dates(pairing).First(d => Instant(pairing, d) > now);
    }

    /// <summary>The local date of the latest meeting that started at or before <paramref name="now"/>; null if none has.</summary>
    public static DateOnly? PreviousMeetingDate(Pairing pairing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        DateOnly? previous = null;
        foreach (var date in Dates(pairing))
        {
            if (Instant(pairing, date) > now)
            {
                return previous;
            }

            previous = date;
        }

        return previous;
    }

    /// <summary>The meeting dates of the schedule, from the first meeting on, without end.</summary>
    public static IEnumerable<DateOnly> Dates(Pairing pairing)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        switch (pairing.Cadence)
        {
            case Cadence.Weekly or Cadence.Biweekly:
                var step = pairing.Cadence == Cadence.Weekly ? 7 : 14;
                for (var date = pairing.FirstMeeting; date < DateOnly.MaxValue.AddDays(-14); date = date.AddDays(step))
                {
                    yield return date;
                }

                break;
            default:
                // Monthly: the first such weekday of each month, beginning with the first meeting's month.
                var month = new DateOnly(pairing.FirstMeeting.Year, pairing.FirstMeeting.Month, 1);
                for (; month.Year < 9999; month = month.AddMonths(1))
                {
                    var date = NextDay(month, pairing.Day);
                    if (date >= pairing.FirstMeeting)
                    {
                        yield return date;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// The instant <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/>: a time skipped by a
    /// spring-forward change meets at the first minute after the gap, an ambiguous one at its first occurrence.
    /// </summary>
    public static DateTimeOffset Instant(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Scheduling.LocalInstants.Resolve(zone, date, time);
    }
}
