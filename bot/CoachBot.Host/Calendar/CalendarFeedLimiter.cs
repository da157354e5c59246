using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Calendar;

/// <summary>
/// Feed builds per user per minute, with the chart endpoint's budget (<see cref="ChartsOptions.RendersPerUserPerMinute"/>)
/// but a count of its own: calendar apps refresh every hour or so, and a leaked address polled in a loop should cost a
/// replica little. Per replica, in memory.
/// </summary>
public sealed class CalendarFeedLimiter
{
    private readonly ChartRenderLimiter _inner;

    public CalendarFeedLimiter(TimeProvider time, IOptions<ChartsOptions> options) => _inner = new ChartRenderLimiter(time, options);

    /// <inheritdoc cref="ChartRenderLimiter.TryAcquire"/>
    public bool TryAcquire(UserRef user, out TimeSpan retryAfter) => _inner.TryAcquire(user, out retryAfter);
}
