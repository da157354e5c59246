using System.Diagnostics;
using CoachBot.Scheduler.Tests.Support;
using CoachBot.Testing;
using Xunit.Abstractions;

namespace CoachBot.Scheduler.Tests.MultiProcess;

/// <summary>
/// A replica is SIGKILLed in the middle of a dispatch and started again: no nudge goes out twice, and every nudge
/// goes out except the few "in doubt".
/// </summary>
/// <remarks>
/// The in-doubt bound. The dispatcher writes the ledger row before the platform call (DeliveryRun.BeginAsync): a
/// replica that dies between the two leaves a ledger row under its delivery token and nothing at the platform (and,
/// for a habit nudge nobody had claimed, no claim on the row: the ledger row was its claim, ADR 0039). Whoever takes
/// the row next finds the ledger row from an attempt not known to have failed, and does not send: at most once wins
/// over at least once, because the dead replica may have sent it. So the nudges lost are at most the killed replica's
/// sends in flight at that instant, Scheduler:MaxParallelSends (32 here, the default). Every other row the killed
/// replica held is taken over (a claimed one after Scheduler:ClaimLease, 20 s here, so the test ends well within the
/// 2 h grace window) and sent by a live replica.
/// </remarks>
[Trait("Category", "Slow")]
[Collection(MultiProcessGroup.Name)]
public sealed class KillDuringDispatchTests
{
    private const int CiUsers = 1_000;
    private const int MaxParallelSends = 32;
    private static readonly TimeSpan SeedLead = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(6);

    private readonly AzuriteFixture _azurite;
    private readonly ITestOutputHelper _output;

    public KillDuringDispatchTests(AzuriteFixture azurite, ITestOutputHelper output)
    {
        _azurite = azurite;
        _output = output;
    }

    [Fact]
    public async Task Dispatch_ReplicaKilledMidDispatchAndRestarted_NoDuplicatesAndOnlyInFlightSendsInDoubt()
    {
        var users = SoakSize.Users(CiUsers);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var prefix = AzuriteFixture.NewTablePrefix();
        using var sink = DeliverySink.Start();
        await using var seeder = new NudgeSeeder(_azurite.ConnectionString, prefix);
        await seeder.CreateTablesAsync(timeout.Token);
        using var cluster = new SchedulerCluster(
            _azurite.ConnectionString,
            prefix,
            sink.Url,
            new Dictionary<string, string>
            {
                ["Scheduler:ClaimLease"] = "00:00:20",
                ["Scheduler:MaxParallelSends"] = MaxParallelSends.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        foreach (var replica in new[] { "node-a", "node-b", "node-c" })
        {
            cluster.Start(replica);
        }

        var clock = Stopwatch.StartNew();
        var seeding = seeder.SeedAsync(users, SeedLead, timeout.Token);

        // Kill the busiest replica once a quarter of the users were nudged: it is in the middle of its walk then.
        var quarter = await Eventually.HoldsAsync(() => sink.DistinctUsers >= users / 4, DeliveryTimeout);
        Assert.True(quarter, $"Only {sink.DistinctUsers} users were nudged before the kill.{Environment.NewLine}{cluster.Tails()}");
        var victim = sink.ByReplica.MaxBy(p => p.Value).Key;
        var beforeKill = sink.DistinctUsers;
        cluster[victim].Kill();
        _output.WriteLine($"Killed {victim} at {clock.Elapsed.TotalSeconds:0.0} s with {beforeKill} of {users} nudged");
        cluster.Start(victim);

        var minutes = await seeding;
        _output.WriteLine($"Seeded {users} users by {clock.Elapsed.TotalSeconds:0.0} s; nudges due {minutes.Values.Min(m => m.DueAt):HH:mm:ss} to {minutes.Values.Max(m => m.DueAt):HH:mm:ss} UTC");

        // Done when every user's nudge was either delivered or recorded in the ledger (then it will not be sent).
        var keys = Enumerable.Range(0, users).Select(i => NudgeSeeder.User(i).Key).ToList();
        var settled = await EventuallyAsync.HoldsAsync(
            async () => sink.DistinctUsers >= users
                || DeliveryAudit.Of(keys, sink, await LedgerReader.UsersWithNudgeAsync(seeder.Tables, timeout.Token)).Missing.Count == 0,
            DeliveryTimeout,
            TimeSpan.FromSeconds(2));
        _output.WriteLine($"Settled at {clock.Elapsed.TotalSeconds:0.0} s; first to last delivery {sink.FirstToLast.TotalSeconds:0.0} s");

        var audit = await ExactlyOnce.AuditAfterQuietAsync(keys, sink, seeder, cluster, _output, timeout.Token);
        Assert.True(settled, $"Not every nudge was delivered or recorded: {audit}{Environment.NewLine}{cluster.Tails()}");
        ExactlyOnce.Assert(audit, sink, cluster, MaxParallelSends);
        Assert.True(cluster[victim].HasLogged("started"), cluster[victim].Tail());
    }
}
