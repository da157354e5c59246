namespace CoachBot.Core.Scheduling;

/// <summary>
/// One time a schedule fires: what kind of message, which occurrence (a stable id such as a local date, an ISO week or
/// a meeting date), when it is due and the latest instant it may still be sent late.
/// </summary>
/// <param name="Kind">One of <see cref="ScheduleKinds"/>.</param>
/// <param name="Id">Names the occurrence within the schedule, e.g. <c>2026-12-01</c>; with the schedule's subject and
/// the kind it is the ledger key, so the same occurrence is never sent twice.</param>
/// <param name="DueAt">When it should be sent (UTC).</param>
/// <param name="Deadline">After this instant a missed occurrence is skipped (and logged) instead of sent late.</param>
public sealed record Occurrence(string Kind, string Id, DateTimeOffset DueAt, DateTimeOffset Deadline)
{
    /// <summary>True when the occurrence may still be sent at <paramref name="now"/>.</summary>
    public bool IsSendableAt(DateTimeOffset now) => now <= Deadline;
}
