using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Resilience;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduler.Tests.Dispatch;

/// <summary>
/// <see cref="ChannelSenders"/> no longer retries (ADR 0029): each send is one try under a fresh
/// <see cref="AttemptBudget"/> of <c>Scheduler:MaxAttemptsPerDelivery</c> that the platform's HTTP pipeline spends.
/// Over real HTTP the budget is proven in the Slack and Teams tests (DeliveryAttemptBudgetTests).
/// </summary>
public sealed class ChannelSendersTests
{
    private static readonly UserRef User = new("local", "t", "u");

    [Fact]
    public async Task Each_send_runs_once_under_a_fresh_budget_of_the_setting()
    {
        var sender = new BudgetSpyingSender();
        var senders = Senders(sender, budget: 5);

        await senders.SendAsync(User, Reply.Plain("one"), CancellationToken.None);
        await senders.SendAsync(User, Reply.Plain("two"), CancellationToken.None);

        Assert.Equal([(5, 5), (5, 5)], sender.Seen);
        Assert.Null(AttemptBudget.Current);
    }

    [Fact]
    public async Task A_transient_failure_is_not_retried_here_and_reports_the_attempts_spent()
    {
        var sender = new BudgetSpyingSender { Failure = new HttpRequestException("down"), Spend = 3 };
        var senders = Senders(sender, budget: 3);

        var ex = await Assert.ThrowsAsync<DeliveryFailedException>(() => senders.SendAsync(User, Reply.Plain("x"), CancellationToken.None));

        Assert.Single(sender.Seen);
        Assert.False(ex.IsPermanent);
        Assert.Contains("3 of 3 HTTP attempt(s)", ex.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    private static ChannelSenders Senders(IChannelSender sender, int budget) =>
        new([sender], [], [], Options.Create(new SchedulerOptions { MaxAttemptsPerDelivery = budget }));

    /// <summary>Records the budget each send saw (limit, remaining), spends some of it, and fails on demand.</summary>
    private sealed class BudgetSpyingSender : IChannelSender
    {
        public List<(int Limit, int Remaining)> Seen { get; } = [];

        public Exception? Failure { get; init; }

        public int Spend { get; init; }

        public string Channel => "local";

        public Task SendAsync(UserRef user, Reply reply, CancellationToken cancellationToken)
        {
            var budget = AttemptBudget.Current ?? throw new InvalidOperationException("No budget is open.");
            Seen.Add((budget.Limit, budget.Remaining));
            for (var i = 0; i < Spend; i++)
            {
                budget.TryTake();
            }

            return Failure is null ? Task.CompletedTask : Task.FromException(Failure);
        }
    }
}
