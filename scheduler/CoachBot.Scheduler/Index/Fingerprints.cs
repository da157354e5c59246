using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Reflections;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Index;

/// <summary>
/// Short hashes of exactly the inputs a schedule's next occurrence depends on, so a save that changes none of them
/// (a practice logged, today's step chosen) costs one read and no rescheduling.
/// </summary>
public static class Fingerprints
{
    /// <summary>The fingerprint of a user's own schedule <paramref name="name"/>.</summary>
    public static string ForUser(string name, UserProfile profile, ScheduleRules rules)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var text = name + "\n" + Calendar(profile) + "\n" + Rules(rules);
        if (name == ScheduleKinds.HabitSnooze)
        {
            text += "\n" + profile.SnoozedUntil?.UtcTicks.ToString(CultureInfo.InvariantCulture);
        }

        return Hash(text);
    }

    /// <summary>The fingerprint of one side of a pairing: the pairing's schedule and the person's calendar.</summary>
    public static string ForPairingSide(Pairing pairing, UserProfile? profile, ScheduleRules rules)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        return Hash(string.Join(
            "\n",
            pairing.State,
            pairing.Cadence,
            pairing.Day,
            pairing.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
            pairing.TimeZoneId,
            pairing.FirstMeeting.ToString("O", CultureInfo.InvariantCulture),
            profile is null ? "no profile" : Calendar(profile),
            Rules(rules)));
    }

    /// <summary>The fingerprint of a channel's reflection schedule.</summary>
    public static string ForReflection(TeamReflection reflection, ScheduleRules rules)
    {
        ArgumentNullException.ThrowIfNull(reflection);
        return Hash(string.Join(
            "\n", reflection.Enabled, reflection.Day, reflection.Time.ToString("HH:mm", CultureInfo.InvariantCulture), reflection.TimeZoneId, Rules(rules)));
    }

    /// <summary>What a schedule whose subject is gone is pointed at.</summary>
    public const string Gone = "gone";

    private static string Calendar(UserProfile p) => string.Join(
        "|",
        p.TimeZoneId,
        p.NudgeTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        string.Join(",", p.WorkingDays.Order()),
        p.QuietHoursStart?.ToString("HH:mm", CultureInfo.InvariantCulture),
        p.QuietHoursEnd?.ToString("HH:mm", CultureInfo.InvariantCulture),
        string.Join(",", p.Pauses.Select(r => r.From.ToString("O", CultureInfo.InvariantCulture) + ".." + r.To.ToString("O", CultureInfo.InvariantCulture))),
        string.Join(",", p.Holidays.Order().Select(d => d.ToString("O", CultureInfo.InvariantCulture))),
        p.NudgesStopped,
        p.Onboarding);

    private static string Rules(ScheduleRules rules) => string.Join(
        "|",
        rules.NudgeGrace,
        rules.FollowUpGrace,
        rules.SummaryGrace,
        string.Join(",", rules.PrepHoursBefore),
        rules.FollowUpAfter,
        rules.ReadingAfterNudge,
        rules.SkillsAfterNudge,
        rules.ReflectionReminderBeforeClose);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
