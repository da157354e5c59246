namespace CoachBot.Core.Scheduling;

/// <summary>
/// Turns a wall-clock time on a local date into an instant, the way a person expects an alarm to behave across
/// daylight saving changes: a time inside a skipped hour fires once at the first minute that exists after the gap
/// (02:30 on a spring-forward night fires at 03:00), and a time inside a repeated hour fires once, at its first
/// occurrence (the earlier instant). docs/decisions/0014-scheduler.md.
/// </summary>
public static class LocalInstants
{
    /// <summary>The instant <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/>, in UTC.</summary>
    public static DateTimeOffset Resolve(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Walk forward minute by minute to the end of the gap (gaps are whole minutes, at most a few hours).
            var next = local;
            do
            {
                next = next.AddMinutes(1);
            }
            while (zone.IsInvalidTime(next));

            var valid = new DateTime(next.Year, next.Month, next.Day, next.Hour, next.Minute, 0, DateTimeKind.Unspecified);
            return new DateTimeOffset(valid, zone.GetUtcOffset(valid)).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The first of the two instants is the one with the larger offset (daylight time, before the clocks go back).
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The local date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The local wall-clock time of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static TimeOnly TimeOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
