using CoachBot.Core.Scheduling;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;

namespace CoachBot.Scheduler.Subjects;

/// <summary>
/// What a schedule is about, loaded fresh when one of its occurrences is due: how to find its next occurrence from
/// the current settings, the fingerprint of those settings, and how to deliver an occurrence.
/// </summary>
/// <param name="Fingerprint">Of the inputs <paramref name="Next"/> reads.</param>
/// <param name="Next">The first occurrence due strictly after an instant.</param>
/// <param name="DeliverAsync">Sends one occurrence (ledger first).</param>
/// <param name="Person">Whose nudges stop when the platform says they cannot be reached; null for a channel.</param>
public sealed record ScheduleSubject(
    string Fingerprint,
    Func<DateTimeOffset, Occurrence?> Next,
    Func<DeliveryRun, CancellationToken, Task<DeliveryOutcome>> DeliverAsync,
    UserRef? Person);
