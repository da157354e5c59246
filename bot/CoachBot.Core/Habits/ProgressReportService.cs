using CoachBot.Content.Model;
using CoachBot.Core.Skills;
using CoachBot.Core.Users;

namespace CoachBot.Core.Habits;

/// <summary>Builds a user's <see cref="ProgressReport"/> from the practice log and the skill assessments. Read-only.</summary>
public sealed class ProgressReportService
{
    /// <summary>The short window of <c>progress</c>: four weeks.</summary>
    public const int ShortWindowDays = 28;

    /// <summary>The long window of <c>progress</c>: twelve weeks.</summary>
    public const int LongWindowDays = 84;

    /// <summary>Weeks (Monday to Sunday columns, the current one included) in the chart's practice calendar.</summary>
    public const int CalendarWeeks = 26;

    private readonly IProgressStore _progress;
    private readonly ISkillStore _skills;

    public ProgressReportService(IProgressStore progress, ISkillStore skills)
    {
        _progress = progress;
        _skills = skills;
    }

    /// <summary>
    /// The report for <paramref name="profile"/> on the local date <paramref name="today"/>. The whole log is read
    /// because the longest streak may lie far back; a year of daily practice is a few hundred rows.
    /// </summary>
    public async Task<ProgressReport> BuildAsync(UserProfile profile, ContentCatalog content, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(content);
        var log = await _progress.ListAsync(profile.User, DateOnly.MinValue, today, cancellationToken);
        var assessments = await _skills.ListAsync(profile.User, cancellationToken);

        var streak = StreakCalculator.Calculate(log.Select(e => e.LocalDate), profile.WorkingDays, profile.Pauses, profile.Holidays, today);
        var shortFrom = today.AddDays(1 - ShortWindowDays);
        var longFrom = today.AddDays(1 - LongWindowDays);
        var total = log.Count(e => e.LocalDate >= longFrom);
        var actions = content.Actions
            .Select(a =>
            {
                var mine = log.Where(e => e.ActionId == a.Id).ToList();
                var last12 = mine.Count(e => e.LocalDate >= longFrom);
                return new ActionProgress(
                    a.Id,
                    mine.Count(e => e.LocalDate >= shortFrom),
                    last12,
                    total == 0 ? 0 : (int)Math.Round(100.0 * last12 / total, MidpointRounding.AwayFromZero),
                    mine.Count == 0 ? null : mine.Max(e => e.LocalDate))
                {
                    Weekly = [.. Enumerable.Range(0, LongWindowDays / 7).Select(w => mine.Count(e => WeekOf(e.LocalDate, longFrom) == w))],
                };
            })
            .ToList();

        // Ties go to the action left alone longest (never practised first), then content order: the same rule as the
        // daily step's "least recently practised".
        var neglected = log.Count == 0
            ? null
            : actions.OrderBy(a => a.Last12Weeks).ThenBy(a => a.LastPractised?.DayNumber ?? -1).First().ActionId;

        var ordered = assessments.OrderBy(a => a.Month).ToList();
        return new ProgressReport(
            today,
            streak,
            actions,
            neglected,
            ordered.Count > 0 ? ordered[^1] : null,
            ordered.Count > 1 ? ordered[^2] : null)
        {
            Calendar = Calendar(log, profile, today),
            Assessments = ordered,
        };
    }

    /// <summary>The first day of the chart's calendar: a Monday, <see cref="CalendarWeeks"/> weeks back with this week.</summary>
    public static DateOnly CalendarStart(DateOnly today) =>
        today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - (7 * (CalendarWeeks - 1)));

    private static List<CalendarDay> Calendar(IReadOnlyList<PracticeEntry> log, UserProfile profile, DateOnly today)
    {
        var from = CalendarStart(today);
        var counts = log.Where(e => e.LocalDate >= from && e.LocalDate <= today).GroupBy(e => e.LocalDate).ToDictionary(g => g.Key, g => g.Count());
        var holidays = profile.Holidays.ToHashSet();
        var days = new List<CalendarDay>();
        for (var day = from; day <= today; day = day.AddDays(1))
        {
            // The same rule as StreakCalculator: a day off the working week, a holiday or a paused day never counts.
            var kind = !profile.WorkingDays.Contains(day.DayOfWeek) ? CalendarDayKind.NonWorking
                : holidays.Contains(day) || profile.Pauses.Any(p => p.Contains(day)) ? CalendarDayKind.Paused
                : CalendarDayKind.Counting;
            days.Add(new CalendarDay(day, counts.GetValueOrDefault(day), kind));
        }

        return days;
    }

    /// <summary>The 7-day week (0 = oldest) of the 12-week window that <paramref name="date"/> falls in, or -1 outside it.</summary>
    private static int WeekOf(DateOnly date, DateOnly longFrom)
    {
        var offset = date.DayNumber - longFrom.DayNumber;
        return offset is < 0 or >= LongWindowDays ? -1 : offset / 7;
    }
}
