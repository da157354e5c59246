using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Core.Scheduling;

/// <summary>
/// The 1-on-1 prompts of one side of a pairing: a prep prompt at each lead time before every meeting (in time for
/// the meeting, after the person's quiet hours) and a follow-up after it. Meetings on the person's holidays or pauses
/// get no prompts; a stopped user gets none at all.
/// </summary>
public sealed class PairingSchedules
{
    /// <summary>Names of the two schedules of a pairing, one per side.</summary>
    public const string ManagerSide = "manager";

    public const string ReportSide = "report";

    private readonly ScheduleRules _rules;

    public PairingSchedules(ScheduleRules rules) => _rules = rules;

    /// <summary>The person on <paramref name="side"/> of the pairing.</summary>
    public static UserRef Person(Pairing pairing, string side)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        return side == ManagerSide ? pairing.Manager : pairing.Report;
    }

    /// <summary>The first prompt for <paramref name="profile"/> (the person on one side) due strictly after <paramref name="after"/>.</summary>
    public Occurrence? Next(Pairing pairing, UserProfile? profile, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        if (pairing.State != PairingState.Active || profile?.NudgesStopped == true)
        {
            return null;
        }

        // No profile (never talked to the bot beyond the 1-on-1): the pairing's zone, no quiet hours, no pauses. The
        // calendar reads only those, so whose name the assumed profile carries does not matter here.
        var calendar = new CoachingCalendar(profile ?? PairingProfiles.Assumed(pairing, pairing.Report));
        var reach = _rules.FollowUpAfter + TimeSpan.FromDays(1);
        var checkedMeetings = 0;
        foreach (var date in MeetingSchedule.Dates(pairing))
        {
            var start = MeetingSchedule.Instant(pairing, date);
            if (start + reach < after)
            {
                continue;
            }

            if (++checkedMeetings > 60)
            {
                return null;
            }

            if (calendar.IsAway(LocalInstants.DateOf(start, calendar.Zone)))
            {
                continue;
            }

            var id = pairing.Id + ":" + UserSchedules.DateId(date);
            var events = new List<Occurrence>();
            foreach (var hours in _rules.PrepHoursBefore.OrderDescending())
            {
                if (calendar.SendTime(start - TimeSpan.FromHours(hours)) is { } due && due < start)
                {
                    events.Add(new Occurrence(ScheduleKinds.Prep(hours), id, due, start));
                }
            }

            if (calendar.SendTime(start + _rules.FollowUpAfter) is { } followUp)
            {
                events.Add(new Occurrence(ScheduleKinds.OneOnOneFollowUp, id, followUp, followUp + _rules.FollowUpGrace));
            }

            // Earliest first; two prompts for the same instant (quiet hours pushed both to their end) keep the later
            // lead time's only, so nobody gets two prep prompts at once.
            var next = events.Where(e => e.DueAt > after).OrderBy(e => e.DueAt).FirstOrDefault();
            if (next is not null)
            {
                return next;
            }
        }

        return null;
    }
}
