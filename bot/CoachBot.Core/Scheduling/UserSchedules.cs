using System.Globalization;
using CoachBot.Core.Users;

namespace CoachBot.Core.Scheduling;

/// <summary>
/// The next occurrence of each of a user's own schedules (habit nudge, snooze, weekly reading, monthly skills
/// check-in), computed in the user's IANA zone. Pure: the same profile and instant always give the same answer.
/// </summary>
public sealed class UserSchedules
{
    /// <summary>How far ahead the search for a coaching day goes (long pauses included).</summary>
    public const int SearchDays = 800;

    /// <summary>The user's schedule names, one due row each.</summary>
    public static readonly IReadOnlyList<string> Names = [ScheduleKinds.HabitNudge, ScheduleKinds.HabitSnooze, ScheduleKinds.Reading, ScheduleKinds.SkillsCheckIn];

    private readonly ScheduleRules _rules;

    public UserSchedules(ScheduleRules rules) => _rules = rules;

    /// <summary>The first occurrence of schedule <paramref name="name"/> due strictly after <paramref name="after"/>.</summary>
    public Occurrence? Next(string name, UserProfile profile, DateTimeOffset after) => name switch
    {
        ScheduleKinds.HabitNudge => NextNudge(profile, after),
        ScheduleKinds.HabitSnooze => NextSnooze(profile, after),
        ScheduleKinds.Reading => NextReading(profile, after),
        ScheduleKinds.SkillsCheckIn => NextSkills(profile, after),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a user schedule."),
    };

    /// <summary>At the nudge time on each coaching day.</summary>
    public Occurrence? NextNudge(UserProfile profile, DateTimeOffset after)
    {
        var calendar = new CoachingCalendar(profile);
        if (!calendar.TakesNudges)
        {
            return null;
        }

        var first = LocalInstants.DateOf(after, calendar.Zone).AddDays(-1);
        for (var date = first; date < first.AddDays(SearchDays); date = date.AddDays(1))
        {
            if (calendar.IsCoachingDay(date) && calendar.SendTime(date, profile.NudgeTime) is { } due && due > after)
            {
                return new Occurrence(ScheduleKinds.HabitNudge, DateId(date), due, due + _rules.NudgeGrace);
            }
        }

        return null;
    }

    /// <summary>Once at <see cref="UserProfile.SnoozedUntil"/> (after the quiet hours, if they cover it).</summary>
    public Occurrence? NextSnooze(UserProfile profile, DateTimeOffset after)
    {
        var calendar = new CoachingCalendar(profile);
        if (!calendar.TakesNudges || profile.SnoozedUntil is not { } until || calendar.SendTime(until) is not { } due || due <= after)
        {
            return null;
        }

        return new Occurrence(ScheduleKinds.HabitSnooze, until.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), due, due + _rules.NudgeGrace);
    }

    /// <summary>On the first coaching day of each ISO week, a little after the nudge.</summary>
    public Occurrence? NextReading(UserProfile profile, DateTimeOffset after) =>
        NextFirstOfPeriod(
            profile,
            after,
            ScheduleKinds.Reading,
            _rules.ReadingAfterNudge,
            date => ISOWeek.ToDateTime(ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)), DayOfWeek.Monday),
            date => WeekId(date));

    /// <summary>On the first coaching day of each month, a little after the nudge.</summary>
    public Occurrence? NextSkills(UserProfile profile, DateTimeOffset after) =>
        NextFirstOfPeriod(
            profile,
            after,
            ScheduleKinds.SkillsCheckIn,
            _rules.SkillsAfterNudge,
            date => new DateTime(date.Year, date.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
            date => date.ToString("yyyy-MM", CultureInfo.InvariantCulture));

    /// <summary>The ISO week of a local date, e.g. <c>2026-W49</c>.</summary>
    public static string WeekId(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
    }

    /// <summary>A local date as an occurrence id, e.g. <c>2026-12-01</c>.</summary>
    public static string DateId(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Occurrence? NextFirstOfPeriod(
        UserProfile profile, DateTimeOffset after, string kind, TimeSpan afterNudge, Func<DateOnly, DateTime> periodStart, Func<DateOnly, string> periodId)
    {
        var calendar = new CoachingCalendar(profile);
        if (!calendar.TakesNudges)
        {
            return null;
        }

        var time = calendar.NudgeTimePlus(afterNudge);
        var first = LocalInstants.DateOf(after, calendar.Zone).AddDays(-1);
        string? periodDone = null;
        for (var date = first; date < first.AddDays(SearchDays); date = date.AddDays(1))
        {
            var period = periodId(date);
            if (period == periodDone || !calendar.IsCoachingDay(date))
            {
                continue;
            }

            // The first coaching day of its period; any later day of the same period is not a candidate.
            var isFirst = true;
            for (var d = DateOnly.FromDateTime(periodStart(date)); d < date; d = d.AddDays(1))
            {
                if (calendar.IsCoachingDay(d))
                {
                    isFirst = false;
                    break;
                }
            }

            periodDone = period;
            if (isFirst && calendar.SendTime(date, time) is { } due && due > after)
            {
                return new Occurrence(kind, period, due, due + _rules.NudgeGrace);
            }
        }

        return null;
    }
}
