namespace CoachBot.Core.Resilience;

/// <summary>
/// Sits inside the resilience pipeline, so it sees every attempt: takes one from the open
/// <see cref="AttemptBudget"/> before the request goes out, and refuses the request when the budget is spent.
/// </summary>
public sealed class AttemptBudgetHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (AttemptBudget.Current is { } budget && !budget.TryTake())
        {
            throw new AttemptBudgetExhaustedException(budget.Limit);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
