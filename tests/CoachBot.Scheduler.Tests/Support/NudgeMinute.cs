namespace CoachBot.Scheduler.Tests.Support;

/// <summary>
/// The real-time minute a seeded user is nudged at: the first whole UTC minute at least <c>lead</c> from now, so the
/// save finishes before it (a profile saved after its nudge time is first nudged tomorrow). The users live in
/// UTC, except when that minute is close to UTC midnight: the scheduler skips a nudge whose local day is over, so a
/// run crossing midnight would skip them all. Then they live in UTC-6 (Etc/GMT+6), whose day ends six hours later.
/// </summary>
/// <param name="DueAt">When the nudges are due (UTC).</param>
/// <param name="NudgeTime">The users' local nudge time.</param>
/// <param name="TimeZoneId">The users' IANA zone.</param>
public sealed record NudgeMinute(DateTimeOffset DueAt, TimeOnly NudgeTime, string TimeZoneId)
{
    private static readonly TimeSpan MidnightGuard = TimeSpan.FromMinutes(20);

    public static NudgeMinute After(DateTimeOffset now, TimeSpan lead)
    {
        var earliest = now.ToUniversalTime() + lead;
        var due = new DateTimeOffset(earliest.Ticks - (earliest.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(1);
        var untilMidnight = due.Date.AddDays(1) - due.UtcDateTime;
        if (untilMidnight > MidnightGuard)
        {
            return new NudgeMinute(due, TimeOnly.FromTimeSpan(due.TimeOfDay), "UTC");
        }

        var local = due.ToOffset(TimeSpan.FromHours(-6));
        return new NudgeMinute(due, TimeOnly.FromTimeSpan(local.TimeOfDay), "Etc/GMT+6");
    }
}
