using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.Scheduling;

/// <summary>
/// A user's availability for pushed messages: which local dates are coaching days (working day, not a holiday, not
/// paused) and which local times are quiet. Pure: reads only the profile.
/// </summary>
public sealed class CoachingCalendar
{
    private readonly UserProfile _profile;

    public CoachingCalendar(UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
        Zone = TimeZones.FindOrUtc(profile.TimeZoneId);
    }

    /// <summary>The user's zone (UTC when the stored id is unknown).</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>True when the user gets coaching nudges at all: onboarded and not stopped.</summary>
    public bool TakesNudges => _profile.Onboarding == OnboardingStep.Complete && !_profile.NudgesStopped;

    /// <summary>A working day that is neither a holiday nor inside a pause.</summary>
    public bool IsCoachingDay(DateOnly date) =>
        _profile.WorkingDays.Contains(date.DayOfWeek) && !IsAway(date);

    /// <summary>A holiday or a paused day (vacation): no prompts of any kind that day.</summary>
    public bool IsAway(DateOnly date) => _profile.Holidays.Contains(date) || _profile.Pauses.Any(p => p.Contains(date));

    /// <summary>True when <paramref name="time"/> falls in the quiet hours (start included, end excluded).</summary>
    public bool IsQuiet(TimeOnly time) => _profile switch
    {
        { QuietHoursStart: { } start, QuietHoursEnd: { } end } when start < end => time >= start && time < end,
        { QuietHoursStart: { } start, QuietHoursEnd: { } end } when start > end => time >= start || time < end,
        _ => false,
    };

    /// <summary>
    /// When a message meant for <paramref name="time"/> on <paramref name="date"/> may go out: that time, or the end of
    /// the quiet hours when it is quiet then. Null when the quiet hours only end on the next day: the message of
    /// that day is dropped rather than arriving with the next day's.
    /// </summary>
    public DateTimeOffset? SendTime(DateOnly date, TimeOnly time)
    {
        if (!IsQuiet(time))
        {
            return LocalInstants.Resolve(Zone, date, time);
        }

        var end = _profile.QuietHoursEnd!.Value;
        return end > time ? LocalInstants.Resolve(Zone, date, end) : null;
    }

    /// <summary><see cref="SendTime(DateOnly, TimeOnly)"/> for an instant (1-on-1 prompts are set in UTC).</summary>
    public DateTimeOffset? SendTime(DateTimeOffset instant)
    {
        var time = LocalInstants.TimeOf(instant, Zone);
        return IsQuiet(time) ? SendTime(LocalInstants.DateOf(instant, Zone), time) : instant;
    }

    /// <summary>The nudge time moved by <paramref name="offset"/>, kept on the same day (at most 23:59).</summary>
    public TimeOnly NudgeTimePlus(TimeSpan offset)
    {
        var moved = _profile.NudgeTime.Add(offset, out var wrapped);
        return wrapped == 0 ? moved : new TimeOnly(23, 59);
    }
}
