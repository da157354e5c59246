namespace CoachBot.Host.Local;

/// <summary>
/// The clock of local mode: real time plus an offset that <c>POST /api/local/clock</c> moves forward, so a
/// newcomer can make tomorrow's nudge happen now. Only registered in local mode; production uses the system clock.
/// </summary>
public sealed class LocalClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private long _offsetTicks;

    public LocalClock(TimeProvider inner) => _inner = inner;

    /// <summary>How far the clock has been moved forward.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <summary>Moves the clock forward and returns the new now.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return GetUtcNow();
    }
}
