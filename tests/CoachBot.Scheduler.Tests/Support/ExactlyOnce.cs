using Xunit.Abstractions;

namespace CoachBot.Scheduler.Tests.Support;

/// <summary>The settle-and-check end shared by the crash and outage tests: every user once, none twice.</summary>
public static class ExactlyOnce
{
    /// <summary>
    /// Waits a quiet period (a late duplicate, a taken-over row sent again, would arrive in it), then audits the sink
    /// against the ledger and writes what it found to the test output.
    /// </summary>
    public static async Task<DeliveryAudit> AuditAfterQuietAsync(
        IReadOnlyList<string> users, DeliverySink sink, NudgeSeeder seeder, SchedulerCluster cluster, ITestOutputHelper output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(seeder);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(output);
        await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken);
        var audit = DeliveryAudit.Of(users, sink, await LedgerReader.UsersWithNudgeAsync(seeder.Tables, cancellationToken));
        output.WriteLine(audit.ToString());
        output.WriteLine("Rows found in the ledger already (taken over, not sent again): " + cluster.CountLogged("the ledger has it"));
        output.WriteLine("By replica: " + string.Join(", ", sink.ByReplica.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")));
        return audit;
    }

    /// <summary>Nobody missing, nobody twice, at most <paramref name="maxInDoubt"/> in doubt, every node alive and never late.</summary>
    public static void Assert(DeliveryAudit audit, DeliverySink sink, SchedulerCluster cluster, int maxInDoubt)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(cluster);
        Xunit.Assert.Empty(audit.Missing);
        Xunit.Assert.Equal(0, sink.Duplicates);
        Xunit.Assert.Equal(audit.Delivered.Count, sink.Total);
        Xunit.Assert.True(audit.InDoubt.Count <= maxInDoubt, $"More nudges in doubt than the sends that were in flight: {audit}");
        Xunit.Assert.All(cluster.Nodes, n => Xunit.Assert.False(n.HasExited, n.Tail()));
        Xunit.Assert.All(cluster.Nodes, n => Xunit.Assert.False(n.HasLogged("missed by more than its grace window"), n.Tail()));
    }
}
