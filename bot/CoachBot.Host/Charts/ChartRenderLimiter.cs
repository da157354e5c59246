using CoachBot.Core.Users;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>
/// Chart drawings per user per minute (<see cref="ChartsOptions.RendersPerUserPerMinute"/>), a sliding window on the
/// injected clock. Drawing is the expensive part of a chart request, and one leaked link should not let anyone keep a
/// replica's CPU busy; cache hits are not counted. Per replica, in memory: a bound on work, not an exact quota.
/// </summary>
public sealed class ChartRenderLimiter
{
    /// <summary>Users tracked before idle ones are swept out, so the table stays small.</summary>
    private const int SweepAbove = 10_000;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<UserRef, Queue<DateTimeOffset>> _recent = [];
    private readonly TimeProvider _time;
    private readonly int _perMinute;

    public ChartRenderLimiter(TimeProvider time, IOptions<ChartsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _perMinute = options.Value.RendersPerUserPerMinute;
    }

    /// <summary>
    /// Takes one drawing from <paramref name="user"/>'s budget. False when it is spent; <paramref name="retryAfter"/>
    /// then says when the oldest drawing in the window leaves it (at least one second).
    /// </summary>
    public bool TryAcquire(UserRef user, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_recent.Count > SweepAbove)
            {
                foreach (var idle in _recent.Where(p => p.Value.Count == 0 || p.Value.Last() <= now - Window).Select(p => p.Key).ToList())
                {
                    _recent.Remove(idle);
                }
            }

            if (!_recent.TryGetValue(user, out var times))
            {
                times = new Queue<DateTimeOffset>();
                _recent[user] = times;
            }

            while (times.TryPeek(out var oldest) && oldest <= now - Window)
            {
                times.Dequeue();
            }

            if (times.Count >= _perMinute)
            {
                var wait = times.Peek() + Window - now;
                retryAfter = wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
                return false;
            }

            times.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
