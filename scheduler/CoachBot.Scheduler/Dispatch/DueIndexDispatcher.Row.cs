using System.Diagnostics;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Telemetry;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Index;
using CoachBot.Scheduler.Subjects;
using Microsoft.Extensions.Logging;

namespace CoachBot.Scheduler.Dispatch;

// One due row's way through the dispatcher: claim, re-check, deliver, move the schedule on.
public sealed partial class DueIndexDispatcher
{
    /// <summary>Claims and delivers one row. Storage outages propagate (they end the run); everything else becomes an outcome.</summary>
    private async Task<DeliveryOutcome> ProcessAsync(DueItem row, DateTimeOffset now, PassState pass, CancellationToken cancellationToken)
    {
        // The lease counts from the claim itself, not from the start of the run: a long run must not hand out
        // leases that have already expired.
        var claimedAt = _time.GetUtcNow();
        DueItem claimed;
        if (IsClaimedByItsLedgerRow(row))
        {
            // Not written: the ledger row right before the send is this delivery's claim (ADR 0039). The row keeps the
            // version it was read with, so moving it on below is conditional on nobody having touched it.
            claimed = row.ClaimFor(ReplicaId, claimedAt + _options.ClaimLease);
        }
        else
        {
            var ours = row.ClaimedBy == ReplicaId && _brokenOff.TryRemove((row.Key, row.Occurrence), out _);
            if ((row.IsHeldAt(claimedAt) && !ours) || await _index.TryClaimAsync(row, ReplicaId, claimedAt + _options.ClaimLease, cancellationToken) is not { } won)
            {
                return DeliveryOutcome.NotClaimed;
            }

            claimed = won;
        }

        var mayRetry = claimed.LastAttemptFailed;
        if (mayRetry && await _index.TryUpdateAsync(claimed with { LastAttemptFailed = false }, cancellationToken) is { } marked)
        {
            // From here a crash leaves the row "in doubt" again, so it is not sent a third time blindly.
            claimed = marked;
        }
        else if (mayRetry)
        {
            return DeliveryOutcome.NotClaimed;
        }

        // No pointer read: the settings as stored now decide whether this row is still the schedule's occurrence.
        var subjects = _subjects.FirstOrDefault(s => s.Owns(claimed.Key.Owner));
        var subject = subjects is null ? null : await subjects.LoadAsync(claimed.Key, cancellationToken);
        if (subject is null)
        {
            await _index.CompleteAsync(claimed, null, Fingerprints.Gone, cancellationToken);
            return DeliveryOutcome.Stale;
        }

        // The schedule moved on (a settings change) after this row was written, or settings changed without a
        // reschedule reaching the index (a failed write): trust the settings.
        var expected = subject.Next(claimed.Occurrence.DueAt - TimeSpan.FromTicks(1));
        if (expected != claimed.Occurrence)
        {
            await _index.CompleteAsync(claimed, expected, subject.Fingerprint, cancellationToken);
            pass.MovedIntoThePast |= expected?.DueAt <= now;
            return DeliveryOutcome.Stale;
        }

        DeliveryOutcome outcome;
        if (!claimed.Occurrence.IsSendableAt(now))
        {
            LogTooLate(_logger, claimed.Key.ToString(), claimed.Occurrence.Kind, claimed.Occurrence.Id, claimed.Occurrence.DueAt);
            outcome = DeliveryOutcome.TooLate;
        }
        else
        {
            outcome = await DeliverAsync(subject, claimed, now, mayRetry, cancellationToken);
            if (outcome == DeliveryOutcome.Sent)
            {
                CoachBotTelemetry.SchedulerLag.Record(
                    (_time.GetUtcNow() - claimed.Occurrence.DueAt).TotalSeconds, new("kind", claimed.Occurrence.Kind), new("channel", ChannelTag(subject)));
            }
            else if (outcome == DeliveryOutcome.RetryLater)
            {
                CountOutcome(claimed, subject, outcome);
                return outcome;
            }
        }

        // Next row, pointer and the removal of this row in one transaction; false when someone else moved the
        // schedule meanwhile (a settings change, `forget me`), and then it is theirs.
        var next = NextSendable(subject, claimed.Occurrence, now);
        await _index.CompleteAsync(claimed, next, subject.Fingerprint, cancellationToken);
        await SweepIfForgottenAsync(claimed.Key, subject.Person, cancellationToken);
        pass.MovedIntoThePast |= next?.DueAt <= now;
        CountOutcome(claimed, subject, outcome);
        return outcome;
    }

    /// <summary>The channel tag of a delivery: the person's platform, or team_channel for a team reflection.</summary>
    private static string ChannelTag(ScheduleSubject subject) => subject.Person?.Channel ?? "team_channel";

    private static void CountOutcome(DueItem claimed, ScheduleSubject subject, DeliveryOutcome outcome) =>
        CoachBotTelemetry.ScheduledDeliveries.Add(
            1, new("kind", claimed.Occurrence.Kind), new("outcome", outcome.ToString()), new("channel", ChannelTag(subject)));

    private async Task<DeliveryOutcome> DeliverAsync(ScheduleSubject subject, DueItem claimed, DateTimeOffset now, bool mayRetry, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outcome = await subject.DeliverAsync(new DeliveryRun(claimed, now, mayRetry, _ledger, _senders), cancellationToken);
            if (outcome == DeliveryOutcome.AlreadyRecorded)
            {
                LogAlreadyRecorded(_logger, claimed.Key.ToString(), claimed.Occurrence.Kind, claimed.Occurrence.Id);
            }

            return outcome;
        }
        catch (DeliveryFailedException e) when (e.IsPermanent && subject.Person is { } person)
        {
            LogUnreachable(_logger, claimed.Occurrence.Kind, person.Channel);
            await _users.UpdateAsync(person, p => p.NudgesStopped ? null : p with { NudgesStopped = true }, cancellationToken);
            return DeliveryOutcome.Unreachable;
        }
        catch (DeliveryFailedException e)
        {
            // The send itself failed, so nothing reached the person: the ledger row stays and the claim is released
            // with the failure noted, so any replica may try again under the same delivery token after the backoff.
            // (A storage failure after a send is not this case: it propagates, and the ledger row then means "sent".)
            var retryAt = _time.GetUtcNow() + ChannelSenders.Backoff(TimeSpan.FromMinutes(1), claimed.Attempts);
            var released = retryAt < claimed.Occurrence.Deadline
                && await _index.TryUpdateAsync(claimed with { LastAttemptFailed = true, ClaimedUntil = retryAt }, cancellationToken) is not null;
            LogTransient(_logger, e, claimed.Occurrence.Kind, claimed.Attempts, released ? retryAt : null);
            return released ? DeliveryOutcome.RetryLater : DeliveryOutcome.TooLate;
        }
        finally
        {
            CoachBotTelemetry.ScheduledDeliveryDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>
    /// After a delivery's writes (ledger row, today's step, the moved schedule): when the person asked to be forgotten
    /// while it was in flight, removes what it wrote about them. Write first, check after: `forget me` ends with the
    /// same sweep once the profile is gone (or the pairing no longer names them), so whichever runs second cleans up.
    /// </summary>
    private async Task SweepIfForgottenAsync(ScheduleKey key, UserRef? person, CancellationToken cancellationToken)
    {
        if (ScheduleOwners.User(key.Owner) is { } user)
        {
            if (await _sources.Users.GetAsync(user, cancellationToken) is null)
            {
                await _ledger.DeleteAllAsync(user, cancellationToken);
                await _index.DeleteOwnerAsync(key.Owner, cancellationToken);
            }
        }
        else if (ScheduleOwners.Pairing(key.Owner) is { } pairingId && person is not null
            && await _sources.OneOnOnes.GetPairingAsync(pairingId, cancellationToken) is { } pairing && !pairing.Includes(person))
        {
            // `forget me` replaced the person in the pairing while their prompt was on its way.
            await _ledger.DeleteAllAsync(person, cancellationToken);
        }
    }

    /// <summary>The next occurrence that can still be sent at <paramref name="now"/>; missed ones are logged and skipped.</summary>
    private Occurrence? NextSendable(ScheduleSubject subject, Occurrence current, DateTimeOffset now)
    {
        var next = subject.Next(current.DueAt);
        for (var skipped = 0; next is not null && !next.IsSendableAt(now) && skipped < 10_000; skipped++)
        {
            LogTooLate(_logger, "(same schedule)", next.Kind, next.Id, next.DueAt);
            next = subject.Next(next.DueAt);
        }

        return next;
    }

    /// <summary>
    /// A habit nudge nobody has claimed yet is claimed by the ledger row written right before its send, not by a write
    /// of its own (ADR 0039): the ledger's insert-only row already keeps it to one replica. Anything claimed before
    /// (a retry after a failed send, a row a stopped replica held) goes through the claim as before.
    /// </summary>
    private static bool IsClaimedByItsLedgerRow(DueItem row) =>
        row.Occurrence.Kind == ScheduleKinds.HabitNudge && row is { Attempts: 0, ClaimedBy: null, LastAttemptFailed: false };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Kind} {Occurrence} of {Schedule}: due {DueAt:o}, missed by more than its grace window")]
    private static partial void LogTooLate(ILogger logger, string schedule, string kind, string occurrence, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Not sending {Kind} {Occurrence} of {Schedule}: the ledger has it (sent before, or in doubt after a replica stopped mid-send)")]
    private static partial void LogAlreadyRecorded(ILogger logger, string schedule, string kind, string occurrence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} could not be delivered (attempt {Attempts}); retry at {RetryAt:o}")]
    private static partial void LogTransient(ILogger logger, Exception exception, string kind, int attempts, DateTimeOffset? retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} recipient on {Channel} cannot be reached any more: their nudges are stopped")]
    private static partial void LogUnreachable(ILogger logger, string kind, string channel);
}
