using System.Diagnostics;
using CoachBot.Scheduler.Tests.Support;
using CoachBot.Storage.Azurite;
using CoachBot.Testing;
using Xunit.Abstractions;

namespace CoachBot.Scheduler.Tests.Outage;

/// <summary>
/// Storage goes away for 30 s in the middle of a dispatch and comes back with its data (a disk-backed Azurite,
/// stopped with SIGINT so it saves, docs/decisions/0006), on the same port: the replicas pause, resume on their own
/// without a restart, and every nudge still goes out exactly once.
/// </summary>
/// <remarks>
/// A nudge can be in doubt here too: a ledger insert that reached storage just before it stopped, whose answer never
/// came back, looks to the replica like a failed call (it does not send), and to whoever retries the row like an
/// earlier attempt that may have sent (DeliveryRun.BeginAsync: not sent again). At most the sends in flight when
/// storage stopped, MaxParallelSends per replica; in practice a stopping Azurite answers what it took, so 0 or a few.
/// </remarks>
[Trait("Category", "Slow")]
[Collection(MultiProcessGroup.Name)]
public sealed class AzuriteOutageTests : IAsyncLifetime
{
    private const int CiUsers = 600;
    private const int MaxParallelSends = 32;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(5);

    private readonly ITestOutputHelper _output;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "coachbot-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private AzuriteProcess? _azurite;

    public AzuriteOutageTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync() =>
        _azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { DataDirectory = _dataDirectory }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; nothing reads it again.
        }
    }

    [Fact]
    public async Task Dispatch_StorageDownThirtySecondsMidDispatch_PausesResumesAndNudgesEachUserOnce()
    {
        var users = SoakSize.Users(CiUsers);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var azurite = _azurite!;
        var port = azurite.Port;
        var connectionString = azurite.ConnectionString;
        var prefix = AzuriteFixture.NewTablePrefix();
        using var sink = DeliverySink.Start();
        await using var seeder = new NudgeSeeder(connectionString, prefix);
        await seeder.CreateTablesAsync(timeout.Token);
        using var cluster = new SchedulerCluster(
            connectionString,
            prefix,
            sink.Url,
            new Dictionary<string, string>
            {
                ["Scheduler:ClaimLease"] = "00:00:20",
                ["Scheduler:MaxParallelSends"] = MaxParallelSends.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        cluster.Start("node-a");
        cluster.Start("node-b");
        var pids = cluster.Nodes.ToDictionary(n => n.ReplicaId, n => n.ProcessId);

        // All due within a minute or two after seeding, so the outage can be timed into the middle of the dispatch.
        var clock = Stopwatch.StartNew();
        var minutes = await seeder.SeedAsync(users, TimeSpan.FromSeconds(45), timeout.Token);
        _output.WriteLine($"Seeded {users} users in {clock.Elapsed.TotalSeconds:0.0} s; nudges due {minutes.Values.Min(m => m.DueAt):HH:mm:ss} to {minutes.Values.Max(m => m.DueAt):HH:mm:ss} UTC");

        var started = await Eventually.HoldsAsync(() => sink.DistinctUsers >= users / 5, (minutes.Values.Max(m => m.DueAt) - TimeProvider.System.GetUtcNow()) + DeliveryTimeout);
        Assert.True(started, $"Only {sink.DistinctUsers} users were nudged before the outage.{Environment.NewLine}{cluster.Tails()}");
        var beforeOutage = sink.DistinctUsers;
        await azurite.DisposeAsync();
        var stoppedAt = Stopwatch.GetTimestamp();
        _output.WriteLine($"Storage stopped at {clock.Elapsed.TotalSeconds:0.0} s with {beforeOutage} of {users} nudged");

        var paused = await Eventually.HoldsAsync(() => cluster.AllLogged("Scheduler paused: storage is unavailable"), Outage);
        var duringOutage = sink.DistinctUsers;
        if (Outage - Stopwatch.GetElapsedTime(stoppedAt) is var left && left > TimeSpan.Zero)
        {
            await Task.Delay(left, timeout.Token);
        }

        _azurite = null;
        _azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { Port = port, DataDirectory = _dataDirectory }, timeout.Token);
        _output.WriteLine($"Storage back at {clock.Elapsed.TotalSeconds:0.0} s; {duringOutage - beforeOutage} nudges went out while it stopped");
        Assert.True(paused, $"The replicas did not log the outage.{Environment.NewLine}{cluster.Tails()}");

        var keys = Enumerable.Range(0, users).Select(i => NudgeSeeder.User(i).Key).ToList();
        var settled = await EventuallyAsync.HoldsAsync(
            async () => sink.DistinctUsers >= users
                || DeliveryAudit.Of(keys, sink, await LedgerReader.UsersWithNudgeAsync(seeder.Tables, timeout.Token)).Missing.Count == 0,
            DeliveryTimeout,
            TimeSpan.FromSeconds(2));
        var resumed = await Eventually.HoldsAsync(() => cluster.AllLogged("Scheduler resumed"), TimeSpan.FromSeconds(30));
        var audit = await ExactlyOnce.AuditAfterQuietAsync(keys, sink, seeder, cluster, _output, timeout.Token);
        _output.WriteLine($"Settled at {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(settled, $"Not every nudge was delivered or recorded after the outage: {audit}{Environment.NewLine}{cluster.Tails()}");
        Assert.True(resumed, $"The replicas did not log that they resumed.{Environment.NewLine}{cluster.Tails()}");
        ExactlyOnce.Assert(audit, sink, cluster, MaxParallelSends);
        Assert.Equal(pids, cluster.Nodes.ToDictionary(n => n.ReplicaId, n => n.ProcessId));
    }
}
