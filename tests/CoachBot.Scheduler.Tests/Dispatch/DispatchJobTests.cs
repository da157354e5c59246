using CoachBot.Scheduler.Jobs;
using Microsoft.Extensions.Hosting;
using Moq;
using Quartz;

namespace CoachBot.Scheduler.Tests.Dispatch;

public sealed class DispatchJobTests
{
    // Wednesday 4 March 2026, 09:00 in Tokyo: alice's nudge is due.
    private static readonly DateTimeOffset WednesdayNine = new(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Execute_HostStartsStoppingWhileASendHangs_EndsTheWalk()
    {
        using var harness = new DispatchHarness(WednesdayNine.AddHours(-12));
        await harness.AddUserAsync(DispatchHarness.Onboarded("alice", "Asia/Tokyo"));
        harness.Clock.SetUtcNow(WednesdayNine);
        harness.Sender.Hang = true;
        using var stopping = new CancellationTokenSource();
        var lifetime = new Mock<IHostApplicationLifetime>();
        lifetime.SetupGet(l => l.ApplicationStopping).Returns(stopping.Token);
        var job = new DispatchJob(harness.Dispatcher, lifetime.Object);

        // Quartz hands the job a token it does not cancel at shutdown.
        var run = job.Execute(Mock.Of<IJobExecutionContext>(), CancellationToken.None).AsTask();
        await harness.Sender.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.CancelAsync();

        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(harness.Sender.Messages);
        Assert.Equal(1, harness.Sender.Attempts);
    }
}
