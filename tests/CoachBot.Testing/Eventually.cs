using System.Diagnostics;

namespace CoachBot.Testing;

/// <summary>Waits for something a background task will do, failing with a clear message instead of hanging.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms (real time) until it holds or <paramref name="timeout"/> passes.</summary>
    /// <returns>Whether it held in time; assert on it.</returns>
    public static async Task<bool> HoldsAsync(Func<bool> condition, TimeSpan timeout, Action? betweenPolls = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                return false;
            }

            betweenPolls?.Invoke();
            await Task.Delay(50);
        }

        return true;
    }
}
