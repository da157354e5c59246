using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CoachBot.Core.Telemetry;

namespace CoachBot.Core.Tests.Telemetry;

/// <summary>
/// Command metrics carry bounded tags only: an action id is reported by its handler's prefix, so a caller inventing
/// action ids cannot grow the metric's series without limit (docs/security.md), and the latency histogram is tagged
/// with the verb and nothing else.
/// </summary>
public sealed class CommandMetricsTests : IDisposable
{
    private readonly ConcurrentQueue<(string Instrument, Dictionary<string, string?> Tags)> _seen = new();
    private readonly MeterListener _listener = new();

    public CommandMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is CoachBotMetricNames.Commands or CoachBotMetricNames.CommandDuration)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, _, tags, _) => Record(i, tags));
        _listener.SetMeasurementEventCallback<double>((i, _, tags, _) => Record(i, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task AnInventedActionId_IsCountedUnderItsHandlersPrefix_AndLatencyHasTheVerbOnly()
    {
        var harness = new CoachHarness();
        await harness.OnboardAsync(user: "metrics-user-7");
        var invented = "skills.zz-" + Guid.NewGuid().ToString("N");

        await harness.PressAsync(invented, user: "metrics-user-7");
        await harness.SendAsync("today please tell me about my private plans", user: "metrics-user-7");

        Assert.DoesNotContain(_seen, s => s.Tags.Values.Any(v => v is not null && (v.Contains("zz-", StringComparison.Ordinal)
            || v.Contains("metrics-user-7", StringComparison.Ordinal) || v.Contains("private", StringComparison.Ordinal))));
        Assert.Contains(_seen, s => s.Instrument == CoachBotMetricNames.Commands && s.Tags["verb"] == "skills.");
        var latencies = _seen.Where(s => s.Instrument == CoachBotMetricNames.CommandDuration).ToList();
        Assert.Contains(latencies, s => s.Tags["verb"] == "skills.");
        Assert.All(latencies, s => Assert.Equal(["verb"], s.Tags.Keys));
    }

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var seen = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            seen[tag.Key] = tag.Value?.ToString();
        }

        _seen.Enqueue((instrument.Name, seen));
    }
}
