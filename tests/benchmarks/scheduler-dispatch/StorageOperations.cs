using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CoachBot.Core.Telemetry;

namespace CoachBot.Benchmarks.SchedulerDispatch;

/// <summary>
/// Counts Table Storage calls by table, operation and (when not ok) outcome, from the
/// <c>coachbot.storage.duration</c> histogram every <c>CoachBotTables</c> call records.
/// </summary>
public sealed class StorageOperations : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (double Sum, double Max)> _durations = new(StringComparer.Ordinal);
    private volatile bool _counting;

    public StorageOperations()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CoachBotTelemetry.SourceName && instrument.Name == "coachbot.storage.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Calls so far, keyed <c>table.operation</c> (plus <c>[outcome]</c> when it was not ok).</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    public long Total => _counts.Values.Sum();

    /// <summary>Mean and slowest call in ms, same keys as <see cref="Snapshot"/>.</summary>
    public (double Mean, double Max) Duration(string key) =>
        _durations.TryGetValue(key, out var d) && _counts.TryGetValue(key, out var n) && n > 0 ? (d.Sum / n, d.Max) : (0, 0);

    /// <summary>Forgets the counts and starts counting.</summary>
    public void Restart()
    {
        _counting = false;
        _counts.Clear();
        _durations.Clear();
        _counting = true;
    }

    public void Stop() => _counting = false;

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (!_counting)
        {
            return;
        }

        string? table = null, operation = null, outcome = null;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "table": table = tag.Value as string; break;
                case "operation": operation = tag.Value as string; break;
                case "outcome": outcome = tag.Value as string; break;
                default: break;
            }
        }

        var key = outcome is null or "ok" ? $"{table}.{operation}" : $"{table}.{operation}[{outcome}]";
        _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        _durations.AddOrUpdate(key, (value, value), (_, d) => (d.Sum + value, Math.Max(d.Max, value)));
    }
}
