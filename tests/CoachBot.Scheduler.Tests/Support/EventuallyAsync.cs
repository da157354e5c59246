using System.Diagnostics;

namespace CoachBot.Scheduler.Tests.Support;

/// <summary><see cref="CoachBot.Testing.Eventually"/> for conditions that must ask storage (so poll less often).</summary>
public static class EventuallyAsync
{
    /// <summary>Polls <paramref name="condition"/> every <paramref name="interval"/> until it holds or <paramref name="timeout"/> passes.</summary>
    /// <returns>Whether it held in time; assert on it.</returns>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                return false;
            }

            await Task.Delay(interval);
        }

        return true;
    }
}
