using System.Globalization;
using CoachBot.Core.Time;

namespace CoachBot.Core.Reflections;

/// <summary>When rounds open and close, which week they belong to and which prompts they ask. Pure functions.</summary>
public static class ReflectionSchedule
{
    /// <summary>How long members can answer and edit: from Friday afternoon to Monday afternoon, say.</summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromDays(3);

    /// <summary>Prompts per round.</summary>
    public const int PromptsPerRound = 3;

    /// <summary>
    /// The first instant after <paramref name="after"/> at which the reflection opens: the set-up's day and local time
    /// in the lead's zone. A local time skipped by a DST change opens at the first minute after the gap; a repeated
    /// one opens at its first occurrence (<see cref="Scheduling.LocalInstants"/>).
    /// </summary>
    public static DateTimeOffset NextOpenUtc(TeamReflection reflection, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(reflection);
        var zone = TimeZones.FindOrUtc(reflection.TimeZoneId);
        var localNow = TimeZoneInfo.ConvertTime(after, zone);
        var date = DateOnly.FromDateTime(localNow.DateTime);
        date = date.AddDays(((int)reflection.Day - (int)date.DayOfWeek + 7) % 7);
        for (var i = 0; ; i++)
        {
            var candidate = Scheduling.LocalInstants.Resolve(zone, date.AddDays(7 * i), reflection.Time);
            if (candidate > after)
            {
                return candidate;
            }
        }
    }

    /// <summary>The ISO week of <paramref name="instant"/> in the zone, e.g. <c>2026-W48</c>: the key of a round.</summary>
    public static string WeekOf(DateTimeOffset instant, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZones.FindOrUtc(timeZoneId)).DateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}");
    }

    /// <summary>
    /// Three consecutive prompts of the bank, moving on by three each week, so a team sees the whole bank before
    /// any prompt comes back (the bank has more than three prompts; content checks keep at least nine).
    /// </summary>
    public static IReadOnlyList<string> PromptsFor(DateTimeOffset instant, string timeZoneId, IReadOnlyList<string> bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZones.FindOrUtc(timeZoneId)).DateTime);
        var week = local.DayNumber / 7;
        var start = (int)((long)week * PromptsPerRound % bank.Count);
        return [.. Enumerable.Range(0, Math.Min(PromptsPerRound, bank.Count)).Select(i => bank[(start + i) % bank.Count])];
    }
}
