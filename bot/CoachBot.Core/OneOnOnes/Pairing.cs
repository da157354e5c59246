using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>
/// A manager and a report who meet for 1-on-1s. The schedule is kept in the manager's time zone as it was at setup,
/// so a meeting stays at the agreed wall-clock time for the manager across daylight saving changes; each person sees
/// it converted to their own zone.
/// </summary>
/// <param name="Id">Unique; chosen by the core at setup.</param>
/// <param name="Manager">Who set the pairing up.</param>
/// <param name="Report">Who was invited.</param>
/// <param name="Cadence">How often they meet.</param>
/// <param name="Day">The day of the week, in <paramref name="TimeZoneId"/>.</param>
/// <param name="Time">The local start time, in <paramref name="TimeZoneId"/>.</param>
/// <param name="TimeZoneId">The manager's IANA time zone at setup (or at the last reschedule).</param>
/// <param name="FirstMeeting">The local date of the first meeting of the current schedule; biweekly counts from it.</param>
/// <param name="State">Proposed, active, paused or ended.</param>
public sealed record Pairing(
    string Id,
    UserRef Manager,
    UserRef Report,
    Cadence Cadence,
    DayOfWeek Day,
    TimeOnly Time,
    string TimeZoneId,
    DateOnly FirstMeeting,
    PairingState State)
{
    /// <summary>True when the report chose to show their recent practice on the agenda (off by default).</summary>
    public bool ShareRecentPractice { get; init; }

    /// <summary>
    /// True while the proposal waits for a report the platform could not reach (on Teams: before they add the app).
    /// Their first turn with the bot delivers it (<see cref="OneOnOneHandler"/>'s first-contact hook) and clears it.
    /// </summary>
    public bool ProposalHeld { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// When the report accepted; null for pairings accepted before it was kept (team health then reads
    /// <see cref="UpdatedAt"/>, a date no earlier than the acceptance).
    /// </summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>The store's concurrency token (an ETag); null for a pairing never saved.</summary>
    public string? Version { get; init; }

    /// <summary>True when <paramref name="user"/> is the manager or the report.</summary>
    public bool Includes(UserRef user) => user == Manager || user == Report;

    /// <summary>The other person of the pairing, seen from <paramref name="user"/>.</summary>
    public UserRef Other(UserRef user) => user == Manager ? Report : Manager;

    /// <summary>The report accepts the proposal; null unless it is still proposed.</summary>
    public Pairing? Accept(DateTimeOffset now) => State == PairingState.Proposed ? this with { State = PairingState.Active, UpdatedAt = now, AcceptedAt = now } : null;

    /// <summary>The report declines the proposal; null unless it is still proposed.</summary>
    public Pairing? Decline(DateTimeOffset now) => State == PairingState.Proposed ? this with { State = PairingState.Ended, UpdatedAt = now } : null;

    /// <summary>Either side pauses; null unless active.</summary>
    public Pairing? Pause(DateTimeOffset now) => State == PairingState.Active ? this with { State = PairingState.Paused, UpdatedAt = now } : null;

    /// <summary>Either side resumes; null unless paused.</summary>
    public Pairing? Resume(DateTimeOffset now) => State == PairingState.Paused ? this with { State = PairingState.Active, UpdatedAt = now } : null;

    /// <summary>Either side ends it; null when it has ended already.</summary>
    public Pairing? End(DateTimeOffset now) => State == PairingState.Ended ? null : this with { State = PairingState.Ended, UpdatedAt = now };

    /// <summary>
    /// Ends the pairing and replaces <paramref name="user"/> with <see cref="ForgottenUserId"/> (forget me): the other
    /// person keeps their side of the history, but nothing in it names the forgotten person any more.
    /// </summary>
    public Pairing Forget(UserRef user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        var gone = user with { UserId = ForgottenUserId };
        return this with
        {
            Manager = Manager == user ? gone : Manager,
            Report = Report == user ? gone : Report,
            State = PairingState.Ended,
            ShareRecentPractice = false,
            UpdatedAt = now,
        };
    }

    /// <summary>Stands in for a person who asked to be forgotten; no channel's user ids contain parentheses.</summary>
    public const string ForgottenUserId = "(forgotten)";

    /// <summary>A new day and time (in the pairing's zone) starting at <paramref name="firstMeeting"/>; null when ended.</summary>
    public Pairing? Reschedule(DayOfWeek day, TimeOnly time, DateOnly firstMeeting, DateTimeOffset now) =>
        State == PairingState.Ended ? null : this with { Day = day, Time = time, FirstMeeting = firstMeeting, UpdatedAt = now };
}
