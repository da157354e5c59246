using CoachBot.Core.Users;

namespace CoachBot.Core.Reflections;

/// <summary>A channel's weekly reflection as its lead set it up (<c>team reflection on #channel Fri 16:00</c>).</summary>
/// <param name="Channel">The team's channel.</param>
/// <param name="Lead">Who set it up; the only person who may change it or see participation.</param>
/// <param name="Day">The day the prompts go out, in the lead's time zone.</param>
/// <param name="Time">The local time the prompts go out.</param>
/// <param name="TimeZoneId">The lead's IANA time zone when it was set up; schedules follow its DST changes.</param>
/// <param name="Enabled">False after <c>team reflection off</c>.</param>
public sealed record TeamReflection(TeamChannel Channel, UserRef Lead, DayOfWeek Day, TimeOnly Time, string TimeZoneId, bool Enabled)
{
    /// <summary>
    /// True when the lead is a member of the team as well as its lead: they get the prompts and count among the
    /// invited. Setting a reflection up does not make someone a member (a manager may run it for a team they are not
    /// part of); the lead says so with the "I answer too" button. True for set-ups saved before the choice existed,
    /// which counted their lead.
    /// </summary>
    public bool LeadTakesPart { get; init; } = true;

    /// <summary>True when <paramref name="member"/>, a recorded member of the channel, is asked and counted.</summary>
    public bool Invites(UserRef member) => member != Lead || LeadTakesPart;

    /// <summary>
    /// When the lead set the reflection up (a change keeps the first date); null when unknown, which team health reads
    /// as now (docs/decisions/0036-team-health.md: a source counts only in weeks the lead held it for the whole week).
    /// </summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The store's concurrency token; null for a reflection never saved.</summary>
    public string? Version { get; init; }
}
