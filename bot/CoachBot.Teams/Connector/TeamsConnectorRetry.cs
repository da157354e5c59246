using System.Net.Http.Headers;

namespace CoachBot.Teams.Connector;

/// <summary>Which connector answers are retried, and how long to wait before the next attempt.</summary>
internal static class TeamsConnectorRetry
{
    /// <summary>At most this many attempts per call.</summary>
    public const int MaxAttempts = 4;

    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>429 throttled, 412 precondition (a concurrent update), 502/504 gateway trouble.</summary>
    public static bool IsRetryable(int statusCode) => statusCode is 429 or 412 or 502 or 504;

    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/> (1-based): Retry-After when the service sent one
    /// (capped at a minute), otherwise 1 s, 2 s, 4 s ... plus up to 50 % jitter.
    /// </summary>
    public static TimeSpan Delay(int attempt, RetryConditionHeaderValue? retryAfter, DateTimeOffset now, double jitter)
    {
        var fromHeader = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        if (fromHeader is { } wait)
        {
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
        }

        var backoff = BaseDelay * Math.Pow(2, attempt - 1);
        return backoff + (backoff * 0.5 * jitter);
    }
}
