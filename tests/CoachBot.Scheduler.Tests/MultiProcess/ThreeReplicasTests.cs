using System.Diagnostics;
using CoachBot.Scheduler.Tests.Support;
using CoachBot.Testing;
using Xunit.Abstractions;

namespace CoachBot.Scheduler.Tests.MultiProcess;

/// <summary>
/// Three replica processes over one Azurite dispatch the nudges of a crowd of users due within the same minutes:
/// each user gets exactly one, and the work is shared. (CI seeds <see cref="CiUsers"/>; see <see cref="SoakSize"/>
/// for the full 10,000.)
/// </summary>
[Trait("Category", "Slow")]
[Collection(MultiProcessGroup.Name)]
public sealed class ThreeReplicasTests
{
    private const int CiUsers = 1_000;
    private static readonly TimeSpan SeedLead = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(5);

    private readonly AzuriteFixture _azurite;
    private readonly ITestOutputHelper _output;

    public ThreeReplicasTests(AzuriteFixture azurite, ITestOutputHelper output)
    {
        _azurite = azurite;
        _output = output;
    }

    [Fact]
    public async Task Dispatch_ThreeReplicasManyUsers_EachUserNudgedExactlyOnce()
    {
        var users = SoakSize.Users(CiUsers);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var prefix = AzuriteFixture.NewTablePrefix();
        using var sink = DeliverySink.Start();
        await using var seeder = new NudgeSeeder(_azurite.ConnectionString, prefix);
        await seeder.CreateTablesAsync(timeout.Token);
        using var cluster = new SchedulerCluster(_azurite.ConnectionString, prefix, sink.Url);
        foreach (var replica in new[] { "node-a", "node-b", "node-c" })
        {
            cluster.Start(replica);
        }

        var seeding = Stopwatch.StartNew();
        var minutes = await seeder.SeedAsync(users, SeedLead, timeout.Token);
        var firstDue = minutes.Values.Min(m => m.DueAt);
        var lastDue = minutes.Values.Max(m => m.DueAt);
        _output.WriteLine($"Seeded {users} users in {seeding.Elapsed.TotalSeconds:0.0} s; nudges due {firstDue:HH:mm:ss} to {lastDue:HH:mm:ss} UTC");

        var delivered = await Eventually.HoldsAsync(() => sink.DistinctUsers >= users, (lastDue - TimeProvider.System.GetUtcNow()) + DeliveryTimeout);
        _output.WriteLine(
            $"{sink.DistinctUsers} users nudged; first to last delivery {sink.FirstToLast.TotalSeconds:0.0} s; " +
            $"last delivery {(TimeProvider.System.GetUtcNow() - lastDue).TotalSeconds:0.0} s after the last nudge minute");
        Assert.True(delivered, $"Only {sink.DistinctUsers} of {users} users were nudged.{Environment.NewLine}{cluster.Tails()}");

        // A quiet period: a late duplicate (a second replica sending a row again) would arrive now.
        await Task.Delay(TimeSpan.FromSeconds(6), timeout.Token);

        var byReplica = sink.ByReplica;
        _output.WriteLine("Rows found in the ledger already (taken over, not sent again): " + cluster.CountLogged("the ledger has it"));
        _output.WriteLine("Runs cut short by storage (\"Scheduler paused\"; the next run takes their rows back): " + cluster.CountLogged("Scheduler paused"));
        _output.WriteLine("Sends to retry: " + cluster.CountLogged("could not be delivered"));
        _output.WriteLine("By replica: " + string.Join(", ", byReplica.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")));
        var missing = Enumerable.Range(0, users).Select(i => NudgeSeeder.User(i).Key).Where(u => sink.CountFor(u) == 0).ToList();
        Assert.Empty(missing);
        Assert.Equal(0, sink.Duplicates);
        Assert.Equal(users, sink.Total);
        Assert.True(byReplica.Count(p => p.Value > 0) >= 2, "The work was not shared: " + string.Join(", ", byReplica));
        Assert.All(cluster.Nodes, n => Assert.False(n.HasExited, n.Tail()));
        Assert.All(cluster.Nodes, n => Assert.False(n.HasLogged("missed by more than its grace window"), n.Tail()));
    }
}
