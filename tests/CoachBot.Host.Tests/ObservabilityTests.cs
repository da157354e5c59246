using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Core.Telemetry;
using CoachBot.Host.Local;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Scheduler.Health;
using CoachBot.Scheduler.Jobs;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Quartz;

namespace CoachBot.Host.Tests;

/// <summary>
/// Issue 15 section 5 on the real host: readiness follows this replica's scheduler loop, the scheduler's lag and
/// delivery outcome metrics reach an exporter, and the exporter is the one the settings choose.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
[Trait("Category", "Slow")]
public sealed class ObservabilityTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly AzuriteFixture _azurite;

    public ObservabilityTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task KillingTheSchedulerLoop_MakesReadyzFailNamingTheScheduler_WithinItsInterval_WhileHealthzStaysUp()
    {
        // A tick every 5 s and 30 s of grace: the replica may stay silent for 2 x 5 s + 30 s.
        await using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?>
        {
            ["Scheduler:TickCron"] = "0/5 * * * * ?",
            ["Scheduler:ReadinessGrace"] = "00:00:30",
        });
        var client = app.CreateClient();
        var heartbeat = app.Services.GetRequiredService<SchedulerHeartbeat>();
        Assert.True(await Eventually.HoldsAsync(() => heartbeat.HasRun, Wait), "the dispatcher never finished a run");
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", Check(await ready.Content.ReadAsStringAsync(), SchedulerReadinessCheck.Name)["status"]!.GetValue<string>());

        // Kill the loop right after a tick finished (the next one is seconds away): no more dispatch ticks on this
        // replica. A run of our own waits for any tick still under way (runs on a replica never overlap).
        var previous = heartbeat.Last;
        Assert.True(await Eventually.HoldsAsync(() => heartbeat.Last > previous, Wait), "the dispatcher stopped ticking by itself");
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.PauseJob(DispatchJob.Key);
        await app.Services.GetRequiredService<DueIndexDispatcher>().RunOnceAsync(CancellationToken.None);

        // Just past the allowed silence, by the host's clock.
        app.Services.GetRequiredService<LocalClock>().Advance(TimeSpan.FromSeconds((2 * 5) + 30 + 1));
        var down = await client.GetAsync("/readyz");
        var body = await down.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var check = Check(body, SchedulerReadinessCheck.Name);
        Assert.Equal("Unhealthy", check["status"]!.GetValue<string>());
        Assert.Contains("scheduler loop is stopped or stuck", check["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Healthy", Check(body, "storage")["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        // The loop comes back: so does readiness.
        var stoppedAt = heartbeat.Last;
        await scheduler.ResumeJob(DispatchJob.Key);
        Assert.True(await Eventually.HoldsAsync(() => heartbeat.Last > stoppedAt, Wait), "the resumed dispatcher never ran");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task ASentNudge_ExportsTheLagAndTheDeliveryOutcome_ToTheInMemoryAndTheOtlpExporter()
    {
        await using var receiver = await LoopbackTelemetryReceiver.StartAsync();
        var exported = new List<MetricSnapshot>();
        await using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = receiver.HttpEndpoint.ToString(),
            ["Telemetry:OtlpProtocol"] = "http/protobuf",
        })
        {
            ConfigureTestServices = s => s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(exported)),
        };
        var client = app.CreateClient();
        await client.OnboardAsync("lux");

        // Past 09:00 on the next working day: the habit nudge goes out, at least five minutes after it was due.
        var clock = app.Services.GetRequiredService<LocalClock>();
        var nineOFive = LocalSchedulerTests.NextWorkingDayAt(clock.GetUtcNow(), new TimeOnly(9, 5));
        var minutes = (int)Math.Ceiling((nineOFive - clock.GetUtcNow()).TotalMinutes);
        var advanced = await client.PostAsync("/api/local/clock", JsonContent($$"""{"advanceMinutes":{{minutes}}}"""));
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        Assert.True(app.Services.GetRequiredService<MeterProvider>().ForceFlush());

        var lag = exported.Where(m => m.Name == CoachBotMetricNames.SchedulerLag).SelectMany(m => m.MetricPoints)
            .Where(p => Tag(p, "channel") == LocalChannel.Name && Tag(p, "kind") is not null).ToList();
        Assert.NotEmpty(lag);
        Assert.True(lag.Max(p => p.GetHistogramSum() / p.GetHistogramCount()) >= 300, "a nudge sent at 09:05 or later for 09:00 is at least 300 s late");
        var sent = exported.Where(m => m.Name == CoachBotMetricNames.SchedulerDeliveries).SelectMany(m => m.MetricPoints)
            .Where(p => Tag(p, "outcome") == "Sent" && Tag(p, "channel") == LocalChannel.Name).ToList();
        Assert.True(sent.Sum(p => p.GetSumLong()) >= 1, "no Sent delivery on the local channel was exported");
        var verbs = exported.Where(m => m.Name == CoachBotMetricNames.CommandDuration).SelectMany(m => m.MetricPoints).ToList();
        Assert.NotEmpty(verbs);
        Assert.All(verbs, p => Assert.Equal(["verb"], TagNames(p)));

        // The host's own pipeline (not only the test's exporter) carries them to the OTLP receiver.
        Assert.True(receiver.Received("http", "/v1/metrics", CoachBotMetricNames.SchedulerLag), Paths(receiver));
        Assert.True(receiver.Received("http", "/v1/metrics", CoachBotMetricNames.SchedulerDeliveries), Paths(receiver));
    }

    [Theory]
    [InlineData("Telemetry:OtlpProtocol", "http/protobuf", "http", "/v1/metrics")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", "http", "/v1/metrics")]
    [InlineData("Telemetry:OtlpProtocol", "grpc", "grpc", "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export")]
    [InlineData(null, null, "grpc", "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export")]
    public async Task TheOtlpProtocolSetting_ChoosesHowMetricsAreSent(string? setting, string? protocol, string port, string path)
    {
        await using var receiver = await LoopbackTelemetryReceiver.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = (port == "grpc" ? receiver.GrpcEndpoint : receiver.HttpEndpoint).ToString(),
        };
        if (setting is not null)
        {
            settings[setting] = protocol;
        }

        var app = new CoachBotApp(_azurite, settings: settings);
        await using (app)
        {
            await app.CreateClient().OnboardAsync("otto");
            Assert.True(app.Services.GetRequiredService<MeterProvider>().ForceFlush());
        }

        Assert.True(receiver.Received(port, path, CoachBotMetricNames.Commands), Paths(receiver));
        Assert.DoesNotContain(receiver.Requests, r => r.Port != port);
    }

    [Fact]
    public async Task AnApplicationInsightsConnectionString_SendsTelemetryToAzureMonitor()
    {
        await using var receiver = await LoopbackTelemetryReceiver.StartAsync();
        var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={receiver.HttpEndpoint}",
        });
        await using (app)
        {
            await app.CreateClient().OnboardAsync("ada");
            Assert.True(app.Services.GetRequiredService<MeterProvider>().ForceFlush());
        }

        Assert.True(receiver.Received("http", "/v2.1/track", CoachBotMetricNames.Commands), Paths(receiver));
    }

    private static JsonNode Check(string readyz, string name) =>
        JsonNode.Parse(readyz)!["checks"]![name] ?? throw new Xunit.Sdk.XunitException($"/readyz names no '{name}' check: {readyz}");

    private static string? Tag(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    private static List<string> TagNames(MetricPoint point)
    {
        var names = new List<string>();
        foreach (var tag in point.Tags)
        {
            names.Add(tag.Key);
        }

        return names;
    }

    private static string Paths(LoopbackTelemetryReceiver receiver) =>
        "received: " + string.Join(", ", receiver.Requests.Select(r => $"{r.Port} {r.Path} ({r.Body.Length} bytes)"));

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
