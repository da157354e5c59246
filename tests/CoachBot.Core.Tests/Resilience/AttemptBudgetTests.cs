using CoachBot.Core.Resilience;

namespace CoachBot.Core.Tests.Resilience;

public sealed class AttemptBudgetTests
{
    [Fact]
    public void TryTake_GivesOutExactlyTheLimit()
    {
        using var scope = AttemptBudget.Begin(2);

        Assert.True(scope.Budget.TryTake());
        Assert.True(scope.Budget.TryTake());
        Assert.False(scope.Budget.TryTake());
        Assert.Equal(2, scope.Budget.Used);
        Assert.Equal(0, scope.Budget.Remaining);
    }

    [Fact]
    public async Task TheBudget_FlowsIntoAwaitedCalls_AndEndsWithItsScope()
    {
        Assert.Null(AttemptBudget.Current);
        var seen = await WithBudgetAsync();

        Assert.Equal(3, seen);
        Assert.Null(AttemptBudget.Current);
    }

    [Fact]
    public async Task ConcurrentTakers_NeverGetMoreThanTheLimit()
    {
        using var scope = AttemptBudget.Begin(10);

        var taken = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => AttemptBudget.Current!.TryTake())));

        Assert.Equal(10, taken.Count(t => t));
    }

    [Fact]
    public void Begin_WithoutAnAttempt_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AttemptBudget.Begin(0));

    private static async Task<int> WithBudgetAsync()
    {
        using var scope = AttemptBudget.Begin(3);
        await Task.Yield();
        return AttemptBudget.Current?.Limit ?? 0;
    }
}
