namespace CoachBot.Core.Resilience;

/// <summary>The knobs of one platform's HTTP pipeline (see <see cref="PlatformResilience"/> and ADR 0029).</summary>
/// <param name="Platform">The platform's name in logs, e.g. <c>slack</c>.</param>
public sealed record PlatformResilienceSettings(string Platform)
{
    /// <summary>HTTP attempts per call, the first included (an open <see cref="AttemptBudget"/> may stop sooner).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The first backoff when the platform sent no Retry-After; doubles per retry, with jitter.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After waited out; a longer one ends the call at once (the 429 is returned).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it counts as a failure (and may be retried).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may take with all its attempts and waits.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
