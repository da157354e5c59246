using Microsoft.Extensions.Logging;

namespace CoachBot.Testing.Logging;

/// <summary>Keeps every log line (formatted) so a test can assert what was said, how often and at which level.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<RecordedLog> _records = [];

    /// <summary>A snapshot of the lines so far.</summary>
    public IReadOnlyList<RecordedLog> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    public IReadOnlyList<RecordedLog> At(LogLevel level) => [.. Records.Where(r => r.Level == level)];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (_gate)
        {
            _records.Add(new RecordedLog(logLevel, formatter(state, exception), exception));
        }
    }
}
