using System.Globalization;
using CoachBot.Content.Model;
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
    /// The round's prompts for <paramref name="channel"/> in the week of <paramref name="instant"/>: the core prompts
    /// (learned, blocked) in bank order, then one rotating prompt. The rotating prompts take turns one week after the
    /// other, starting at a place fixed by the channel, so every replica picks the same prompts for the same team and
    /// week, teams do not all get the same question, and a prompt comes back only after all the others (the content
    /// checks keep at least eight in use). Retired prompts are never picked.
    /// </summary>
    public static IReadOnlyList<string> PromptsFor(
        TeamChannel channel, DateTimeOffset instant, string timeZoneId, IReadOnlyList<ReflectionPrompt> bank)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(bank);
        var core = bank.Where(p => p.Core && !p.Retired).Select(p => p.Id).Take(PromptsPerRound - 1).ToList();
        var rotating = bank.Where(p => !p.Core && !p.Retired).Select(p => p.Id).ToList();
        if (rotating.Count == 0)
        {
            return core;
        }

        var turn = (WeekNumber(instant, timeZoneId) + StableOffset(channel.Key)) % rotating.Count;
        return [.. core, rotating[(int)turn]];
    }

    /// <summary>Weeks since 0001-01-01 (a Monday) in the zone: consecutive weekly rounds get consecutive numbers.</summary>
    private static long WeekNumber(DateTimeOffset instant, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZones.FindOrUtc(timeZoneId)).DateTime).DayNumber / 7;

    /// <summary>FNV-1a over the key's UTF-8 bytes: the same number in every process (unlike string.GetHashCode).</summary>
    private static long StableOffset(string key)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(key))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
