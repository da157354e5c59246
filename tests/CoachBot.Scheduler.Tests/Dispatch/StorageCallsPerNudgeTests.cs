using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CoachBot.Core;
using CoachBot.Core.Delivery;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Telemetry;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Storage;
using CoachBot.Storage.Scheduling;
using CoachBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CoachBot.Scheduler.Tests.Dispatch;

/// <summary>
/// What one delivered habit nudge costs in Table Storage calls (ADR 0039), counted the way the dispatch benchmark
/// counts them: every <c>coachbot.storage.duration</c> measurement of the run, less the run's own walk (cursor reads
/// and updates, the Due queries). The replica that dispatches is not the one that saved the profile, so its profile
/// cache is cold, as on a replica that has not seen the user yet.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class StorageCallsPerNudgeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Wednesday 4 March 2026, 09:00 in Tokyo; the evening before.
    private static readonly DateTimeOffset WednesdayNine = new(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayEvening = WednesdayNine.AddHours(-12);

    private readonly AzuriteFixture _azurite;
    private readonly ITestOutputHelper _output;

    public StorageCallsPerNudgeTests(AzuriteFixture azurite, ITestOutputHelper output)
    {
        _azurite = azurite;
        _output = output;
    }

    [Fact]
    public async Task RunOnceAsync_OneDeliveredHabitNudge_CostsAtMostFourStorageCalls()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        var clock = new FakeTimeProvider(TuesdayEvening);
        var alice = DispatchHarness.Onboarded("alice", "Asia/Tokyo");
        await using (var saving = Build(prefix, clock, new TimedChannelSender(clock)))
        {
            await saving.GetRequiredService<IUserStore>().SaveAsync(alice, None);
        }

        var sender = new TimedChannelSender(clock);
        await using var replica = Build(prefix, clock, sender);
        var dispatcher = replica.GetRequiredService<DueIndexDispatcher>();
        clock.SetUtcNow(WednesdayNine);

        using var calls = new CallCounter();
        var summary = await dispatcher.RunOnceAsync(None);
        var perNudge = calls.Snapshot().Where(c => !IsTheWalk(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

        Assert.Equal(1, summary[DeliveryOutcome.Sent]);
        Assert.Single(sender.Messages);
        var described = string.Join(", ", perNudge.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
        _output.WriteLine("Per delivered nudge: " + described);
        _output.WriteLine("The run's walk: " + string.Join(", ", calls.Snapshot().Where(c => IsTheWalk(c.Key)).Select(c => $"{c.Key} {c.Value}")));
        Assert.True(perNudge.Values.Sum() <= 4, $"One delivered nudge cost {perNudge.Values.Sum()} storage calls: {described}");

        // And the schedule moved on to tomorrow's nudge, in the same transaction that removed today's row.
        var key = new ScheduleKey(ScheduleKey.UserOwner(alice.User), ScheduleKinds.HabitNudge);
        Assert.Equal(WednesdayNine.AddDays(1), (await replica.GetRequiredService<IDueIndex>().GetAsync(key, None))?.Next?.DueAt);
        Assert.Equal(1, perNudge.GetValueOrDefault("Due.transaction"));
    }

    [Fact]
    public async Task RunOnceAsync_ScheduleStillInTheOldLayout_IsDeliveredOnceAndMovesIntoTheNewOne()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        var clock = new FakeTimeProvider(TuesdayEvening);
        var alice = DispatchHarness.Onboarded("alice", "Asia/Tokyo");
        var sender = new TimedChannelSender(clock);
        await using var replica = Build(prefix, clock, sender);
        await replica.GetRequiredService<IUserStore>().SaveAsync(alice, None);

        // What a release before ADR 0039 left: the pointer in Schedules and the row in a "{shard}-{minute}" partition.
        var index = (AzureTablesDueIndex)replica.GetRequiredService<IDueIndex>();
        var key = new ScheduleKey(ScheduleKey.UserOwner(alice.User), ScheduleKinds.HabitNudge);
        var pointer = await index.GetAsync(key, None);
        await index.DeleteOwnerAsync(key.Owner, None);
        await index.WriteOldLayoutAsync(key, pointer!.Next!, pointer.Fingerprint, None);
        Assert.StartsWith("old|", (await index.GetAsync(key, None))?.Version, StringComparison.Ordinal);

        clock.SetUtcNow(WednesdayNine);
        var first = await replica.GetRequiredService<DueIndexDispatcher>().RunOnceAsync(None);
        clock.SetUtcNow(WednesdayNine.AddMinutes(5));
        var again = await replica.GetRequiredService<DueIndexDispatcher>().RunOnceAsync(None);

        Assert.Equal(1, first[DeliveryOutcome.Sent]);
        Assert.Equal(0, again.Total);
        Assert.Single(sender.Messages);
        var moved = await index.GetAsync(key, None);
        Assert.Equal(WednesdayNine.AddDays(1), moved?.Next?.DueAt);
        Assert.DoesNotContain("old|", moved?.Version, StringComparison.Ordinal);
    }

    /// <summary>The run's own calls, whatever it finds: cursors, and the Due queries of the walk.</summary>
    private static bool IsTheWalk(string call) => call.StartsWith(StorageTableNames.SchedulerCursors + ".", StringComparison.Ordinal) || call == "Due.query";

    private ServiceProvider Build(string prefix, FakeTimeProvider clock, IChannelSender sender)
    {
        var values = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = _azurite.ConnectionString,
                ["Storage:TablePrefix"] = prefix,
                ["Scheduler:Enabled"] = "false",
                ["Scheduler:ReplicaId"] = "counting",
            })
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(values)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(TestContent.Library)
            .AddSingleton(sender)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddCoachBotStorage(values)
            .AddCoachBotCore()
            .AddCoachBotScheduler(values)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
    }

    /// <summary>Counts the storage calls made under the test's own async flow (other tests may run alongside).</summary>
    private sealed class CallCounter : IDisposable
    {
        private static readonly AsyncLocal<bool> Counting = new();
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

        public CallCounter()
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
            Counting.Value = true;
        }

        public Dictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

        public void Dispose()
        {
            Counting.Value = false;
            _listener.Dispose();
        }

        private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            if (!Counting.Value)
            {
                return;
            }

            string? table = null, operation = null;
            foreach (var tag in tags)
            {
                table = tag.Key == "table" ? tag.Value as string : table;
                operation = tag.Key == "operation" ? tag.Value as string : operation;
            }

            _counts.AddOrUpdate($"{table}.{operation}", 1, (_, n) => n + 1);
        }
    }
}
