namespace CoachBot.Core.Resilience;

/// <summary>
/// A request was not sent because its delivery's <see cref="AttemptBudget"/> was spent: the delivery is over for
/// now and is tried again later as a whole (the scheduler releases its row).
/// </summary>
public sealed class AttemptBudgetExhaustedException : Exception
{
    public AttemptBudgetExhaustedException()
    {
    }

    public AttemptBudgetExhaustedException(string message)
        : base(message)
    {
    }

    public AttemptBudgetExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Describes a spent budget of <paramref name="limit"/> attempts.</summary>
    public AttemptBudgetExhaustedException(int limit)
        : base($"This delivery already made its {limit} HTTP attempt(s) (Scheduler:MaxAttemptsPerDelivery); it is tried again on a later scheduler run.")
    {
    }
}
