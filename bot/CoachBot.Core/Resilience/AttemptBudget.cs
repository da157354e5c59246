namespace CoachBot.Core.Resilience;

/// <summary>
/// How many outbound HTTP attempts one delivery may still make, carried down the async call chain so the HTTP
/// pipelines of every platform draw from it (ADR 0029). The scheduler opens one per send with
/// <see cref="Begin"/>; <see cref="AttemptBudgetHandler"/> takes one attempt per request that reaches the wire, and
/// <see cref="PlatformResilience"/> stops retrying when nothing is left. Without an open budget (interactive replies)
/// only the pipeline's own attempt limit applies.
/// </summary>
public sealed class AttemptBudget
{
    private static readonly AsyncLocal<AttemptBudget?> Ambient = new();

    private int _used;

    private AttemptBudget(int limit) => Limit = limit;

    /// <summary>The budget open in this async flow, or null.</summary>
    public static AttemptBudget? Current => Ambient.Value;

    /// <summary>The most attempts this delivery may make.</summary>
    public int Limit { get; }

    /// <summary>Attempts made so far.</summary>
    public int Used => Volatile.Read(ref _used);

    /// <summary>Attempts left.</summary>
    public int Remaining => Math.Max(0, Limit - Used);

    /// <summary>
    /// Opens a budget of <paramref name="limit"/> attempts for the calls made until the returned scope is disposed
    /// (call it inside an async method so the budget does not leak into the caller's flow).
    /// </summary>
    public static Scope Begin(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var scope = new Scope(Ambient.Value, new AttemptBudget(limit));
        Ambient.Value = scope.Budget;
        return scope;
    }

    /// <summary>Takes one attempt; false (and nothing taken) when the budget is spent.</summary>
    public bool TryTake()
    {
        while (true)
        {
            var used = Volatile.Read(ref _used);
            if (used >= Limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _used, used + 1, used) == used)
            {
                return true;
            }
        }
    }

    /// <summary>An open budget; disposing it restores the budget that was open before.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly AttemptBudget? _previous;

        internal Scope(AttemptBudget? previous, AttemptBudget budget)
        {
            _previous = previous;
            Budget = budget;
        }

        /// <summary>The budget this scope opened.</summary>
        public AttemptBudget Budget { get; }

        public void Dispose() => Ambient.Value = _previous;
    }
}
