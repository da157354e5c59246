using CoachBot.Core.Delivery;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;
using Microsoft.Extensions.Logging;

namespace CoachBot.Scheduler.Tests.Dispatch;

public sealed class DueIndexDispatcherTests
{
    private const string Tokyo = "Asia/Tokyo";
    private static readonly CancellationToken None = CancellationToken.None;

    // Tuesday 3 March 2026, 21:00 in Tokyo: the week's reading and the month's skills check-in are behind.
    private static readonly DateTimeOffset TuesdayEvening = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);

    // Wednesday 4 March 2026, 09:00 in Tokyo.
    private static readonly DateTimeOffset WednesdayNine = new(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UserStoreSave_NudgeTimeChanged_ReschedulesAtOnce()
    {
        using var harness = new DispatchHarness(TuesdayEvening);
        var alice = await harness.AddUserAsync(DispatchHarness.Onboarded("alice", Tokyo));
        Assert.Equal(WednesdayNine, (await NudgePointerAsync(harness, alice.User))?.Next?.DueAt);

        await harness.Users.UpdateAsync(alice.User, p => p with { NudgeTime = new TimeOnly(8, 0) }, None);

        Assert.Equal(WednesdayNine.AddHours(-1), (await NudgePointerAsync(harness, alice.User))?.Next?.DueAt);
        await harness.RunUntilAsync(WednesdayNine.AddHours(12));
        var nudge = Assert.Single(harness.Ledger.New, e => e.Kind == ScheduleKinds.HabitNudge);
        Assert.Equal(WednesdayNine.AddHours(-1), nudge.At);
        Assert.Equal(WednesdayNine.AddDays(1).AddHours(-1), (await NudgePointerAsync(harness, alice.User))?.Next?.DueAt);
    }

    [Fact]
    public async Task RunOnceAsync_RowLeftBehindBySettingsChange_IsDroppedAsStale()
    {
        using var harness = new DispatchHarness(TuesdayEvening);
        var alice = await harness.AddUserAsync(DispatchHarness.Onboarded("alice", Tokyo));
        var before = await NudgePointerAsync(harness, alice.User);
        await harness.Users.UpdateAsync(alice.User, p => p with { NudgeTime = new TimeOnly(10, 0) }, None);

        // A replica that read the pointer before the change died moving it to 09:00: the row was written first, the
        // pointer never.
        harness.Index.LeaveRow(new DueItem(before!.Key, before.Next!));
        Assert.Equal(2, harness.Index.DueRows.Count(r => r.Key.Name == ScheduleKinds.HabitNudge));
        harness.Clock.SetUtcNow(WednesdayNine);

        var summary = await harness.RunOnceAsync();

        Assert.Equal(1, summary[DeliveryOutcome.Stale]);
        Assert.Empty(harness.Sender.Messages);
        Assert.Equal(WednesdayNine.AddHours(1), Assert.Single(harness.Index.DueRows, r => r.Key.Name == ScheduleKinds.HabitNudge).Occurrence.DueAt);
        await harness.RunUntilAsync(WednesdayNine.AddHours(12));
        Assert.Equal([WednesdayNine.AddHours(1)], harness.Ledger.New.Where(e => e.Kind == ScheduleKinds.HabitNudge).Select(e => e.At));
    }

    [Fact]
    public async Task RunOnceAsync_MoreThanTheGraceLate_SkipsLogsAndMovesOn()
    {
        using var harness = new DispatchHarness(TuesdayEvening);
        var alice = await harness.AddUserAsync(DispatchHarness.Onboarded("alice", Tokyo));
        await harness.RunOnceAsync();
        harness.Clock.SetUtcNow(WednesdayNine.AddHours(2).AddMinutes(1));

        var summary = await harness.RunOnceAsync();

        Assert.Equal(1, summary[DeliveryOutcome.TooLate]);
        Assert.Empty(harness.Sender.Messages);
        Assert.Contains(harness.Logs.At(LogLevel.Warning), r => r.Message.Contains("2026-03-04", StringComparison.Ordinal) && r.Message.Contains("grace", StringComparison.Ordinal));
        Assert.Equal(WednesdayNine.AddDays(1), (await NudgePointerAsync(harness, alice.User))?.Next?.DueAt);
    }

    [Fact]
    public async Task RunOnceAsync_LateWithinTheGrace_SendsLate()
    {
        using var harness = new DispatchHarness(TuesdayEvening);
        await harness.AddUserAsync(DispatchHarness.Onboarded("alice", Tokyo));
        harness.Clock.SetUtcNow(WednesdayNine.AddHours(2));

        var summary = await harness.RunOnceAsync();

        Assert.Equal(1, summary[DeliveryOutcome.Sent]);
        Assert.Single(harness.Sender.Messages);
    }

    [Fact]
    public async Task RunOnceAsync_TransientSendFailure_ReleasesThenRetriesOnceWithTheSameTokenAndSendsOnce()
    {
        using var harness = new DispatchHarness(TuesdayEvening);
        var alice = await harness.AddUserAsync(DispatchHarness.Onboarded("alice", Tokyo));
        harness.Sender.FailNext(new HttpRequestException("503 from the platform"));
        harness.Clock.SetUtcNow(WednesdayNine);

        var first = await harness.RunOnceAsync();
        var stillHeld = await harness.AdvanceAndRunAsync(TimeSpan.FromSeconds(30));
        var retried = await harness.AdvanceAndRunAsync(TimeSpan.FromMinutes(2));
        await harness.RunUntilAsync(WednesdayNine.AddHours(12));

        Assert.Equal(1, first[DeliveryOutcome.RetryLater]);
        Assert.Equal(1, stillHeld[DeliveryOutcome.NotClaimed]);
        Assert.Equal(1, retried[DeliveryOutcome.Sent]);
        Assert.Equal(2, harness.Sender.Attempts);
        Assert.Single(harness.Sender.Messages);
        var records = harness.Ledger.Entries.Where(e => e.Kind == ScheduleKinds.HabitNudge).ToList();
        Assert.Equal([LedgerRecord.New, LedgerRecord.SameHolder], records.Select(e => e.Result));
        Assert.Single(records.Select(e => e.Holder).Distinct());
        Assert.Equal(WednesdayNine.AddDays(1), (await NudgePointerAsync(harness, alice.User))?.Next?.DueAt);
    }

    [Fact]
    public async Task RunOnceAsync_StorageFailsAtTheNudgesLedgerRow_NextRunSendsItWithoutWaitingForALease()
    {
        // A fresh habit nudge is claimed by its ledger row (ADR 0039): when that write fails, nothing holds the row.
        using var harness = new DispatchHarness(TuesdayEvening);
        await harness.AddUserAsync(DispatchHarness.Onboarded("alice", Tokyo));
        harness.Ledger.FailNext(new Core.Storage.StoreUnavailableException("The ledger did not answer."));
        harness.Clock.SetUtcNow(WednesdayNine);

        var cutShort = await harness.RunOnceAsync();
        var left = Assert.Single(harness.Index.DueRows, r => r.Key.Name == ScheduleKinds.HabitNudge);
        var next = await harness.AdvanceAndRunAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, cutShort[DeliveryOutcome.Sent]);
        Assert.False(left.IsHeldAt(harness.Clock.GetUtcNow()), "Nothing should hold a nudge whose ledger row was never written.");
        Assert.Equal(0, left.Attempts);
        Assert.Equal(1, next[DeliveryOutcome.Sent]);
        Assert.Single(harness.Sender.Messages);
        Assert.Contains(harness.Logs.At(LogLevel.Warning), r => r.Message.Contains("Scheduler paused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_RowHeldByAnotherProcessWithTheSameReplicaId_WaitsForTheLease()
    {
        using var harness = new DispatchHarness(TuesdayEvening);
        await harness.AddUserAsync(DispatchHarness.Onboarded("alice", Tokyo));
        harness.Clock.SetUtcNow(WednesdayNine);
        var row = Assert.Single(harness.Index.DueRows, r => r.Key.Name == ScheduleKinds.HabitNudge);
        Assert.NotNull(await harness.Index.TryClaimAsync(row, harness.Dispatcher.ReplicaId, WednesdayNine.AddMinutes(2), None));

        var held = await harness.AdvanceAndRunAsync(TimeSpan.FromSeconds(30));
        var afterLease = await harness.AdvanceAndRunAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(1, held[DeliveryOutcome.NotClaimed]);
        Assert.Equal(1, afterLease[DeliveryOutcome.Sent]);
        Assert.Single(harness.Sender.Messages);
    }

    [Fact]
    public async Task RunOnceAsync_PermanentRecipientFailure_StopsTheUsersNudges()
    {
        using var harness = new DispatchHarness(TuesdayEvening);
        var alice = await harness.AddUserAsync(DispatchHarness.Onboarded("alice", Tokyo));
        harness.Sender.FailNext(new RecipientGoneException());
        harness.Clock.SetUtcNow(WednesdayNine);

        var summary = await harness.RunOnceAsync();
        await harness.RunUntilAsync(WednesdayNine.AddDays(7));

        Assert.Equal(1, summary[DeliveryOutcome.Unreachable]);
        Assert.True((await harness.Users.GetAsync(alice.User, None))?.NudgesStopped);
        Assert.Equal(1, harness.Sender.Attempts);
        Assert.Empty(harness.Sender.Messages);
        Assert.Null((await NudgePointerAsync(harness, alice.User))?.Next);
        Assert.DoesNotContain(harness.Index.DueRows, r => r.Key.Owner == ScheduleKey.UserOwner(alice.User));
    }

    [Fact]
    public async Task RunOnceAsync_LedgerAlreadyHasTheOccurrence_DoesNotSendAgainAndMovesOn()
    {
        using var harness = new DispatchHarness(TuesdayEvening);
        var alice = await harness.AddUserAsync(DispatchHarness.Onboarded("alice", Tokyo));
        await harness.Ledger.RecordAsync(alice.User, "nudge:2026-03-04", "a-replica-that-died-mid-send", None);
        harness.Clock.SetUtcNow(WednesdayNine);

        var summary = await harness.RunOnceAsync();
        await harness.RunUntilAsync(WednesdayNine.AddDays(1).AddHours(1));

        Assert.Equal(1, summary[DeliveryOutcome.AlreadyRecorded]);
        var sent = Assert.Single(harness.Sender.Messages);
        Assert.Equal(WednesdayNine.AddDays(1), sent.At);
    }

    private static Task<SchedulePointer?> NudgePointerAsync(DispatchHarness harness, UserRef user) =>
        harness.Index.GetAsync(new ScheduleKey(ScheduleKey.UserOwner(user), ScheduleKinds.HabitNudge), None);

    /// <summary>What a platform adapter throws when the person left, blocked the bot, or the app was removed.</summary>
    private sealed class RecipientGoneException : Exception, IRecipientFailure
    {
        public RecipientGoneException()
            : base("403: the user has left the workspace")
        {
        }

        public bool IsPermanent => true;
    }
}
