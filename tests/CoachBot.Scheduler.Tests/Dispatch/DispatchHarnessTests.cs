using CoachBot.Core.Scheduling;

namespace CoachBot.Scheduler.Tests.Dispatch;

public sealed class DispatchHarnessTests
{
    [Fact]
    public async Task RunUntilAsync_OneWorkingWeek_SendsFiveNudgesAtNine()
    {
        using var harness = new DispatchHarness(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await harness.AddUserAsync(DispatchHarness.Onboarded("alice", "Asia/Tokyo"));

        await harness.RunUntilAsync(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero));

        var nudges = harness.Ledger.New.Where(e => e.Kind == ScheduleKinds.HabitNudge).ToList();
        Assert.Equal(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"], nudges.Select(e => e.Occurrence));
        Assert.All(nudges, e => Assert.Equal(0, e.At.Hour));
        Assert.All(nudges, e => Assert.Contains(harness.Sender.Messages, m => m.At == e.At && m.User == e.User));
    }
}
