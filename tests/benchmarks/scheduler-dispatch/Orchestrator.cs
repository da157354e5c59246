using System.Diagnostics;
using System.Globalization;
using CoachBot.Core.Users;
using CoachBot.Storage;
using CoachBot.Storage.Azurite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Benchmarks.SchedulerDispatch;

/// <summary>
/// Starts Azurite (in memory, free loopback port), seeds each scenario through the real user store and measures the
/// dispatcher in a separate process, so its memory figures hold nothing of the seeding.
/// </summary>
public static class Orchestrator
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(25);

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        var due = args.Number("due", 10_000);
        var registered = args.Number("registered", 100_000);
        var parallelism = args.Number("parallel", 16);
        var skipMemory = args.Flag("skip-memory");

        // The seeding clock stands still at the real now; the nudges fall in the minute after the next one.
        var now = TimeProvider.System.GetUtcNow();
        var dueAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(2);
        var dueTime = TimeOnly.FromTimeSpan(dueAt.TimeOfDay);
        Console.WriteLine($"scheduler-dispatch: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {now:yyyy-MM-ddTHH:mmZ}; nudges due {dueAt:HH:mm}Z");

        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions(), cancellationToken);
        Console.WriteLine($"azurite: in memory on 127.0.0.1:{azurite.Port}");

        Console.WriteLine($"[1] {due:N0} registered, {due:N0} due");
        if (args.Flag("real-seed"))
        {
            await SeedAsync(azurite.ConnectionString, "benchdue", due, 0, dueTime, now, parallelism, cancellationToken);
        }
        else
        {
            await CloneSeedAsync(azurite.ConnectionString, "benchdue", due, 0, dueTime, now, parallelism, cancellationToken);
        }

        var failed = await ChildAsync(azurite, "benchdue", now, dueAt, due, due, fullGc: false, cancellationToken);

        if (!skipMemory)
        {
            Console.WriteLine($"[2] {registered:N0} registered, {due:N0} due");
            if (args.Flag("real-seed"))
            {
                await SeedAsync(azurite.ConnectionString, "benchmem", due, registered - due, dueTime, now, parallelism, cancellationToken);
            }
            else
            {
                await CloneSeedAsync(azurite.ConnectionString, "benchmem", due, registered - due, dueTime, now, parallelism, cancellationToken);
            }

            failed |= await ChildAsync(azurite, "benchmem", now, dueAt, due, registered, fullGc: true, cancellationToken);
        }

        return failed ? 1 : 0;
    }

    private static async Task SeedAsync(
        string connection, string prefix, int due, int later, TimeOnly dueTime, DateTimeOffset now, int parallelism, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(now);
        using var ops = new StorageOperations();
        await using var services = BenchContainer.Build(connection, prefix, clock, new CountingSender());
        await services.GetRequiredService<CoachBotTables>().EnsureCreatedAsync(cancellationToken);
        ops.Restart();
        var took = await Seeder.SeedAsync(services.GetRequiredService<IUserStore>(), due, later, dueTime, now, parallelism, cancellationToken);
        var users = due + later;
        Console.WriteLine($"  seed: {users:N0} profiles through IUserStore (parallel {parallelism}) in {took.TotalSeconds:F1} s = {users / took.TotalSeconds:N0} users/s, {(double)ops.Total / users:F1} storage calls per user");
        Console.WriteLine($"    false 'already exists' answers so far (retried insert after a lost answer): {Seeder.FalseConflicts}");
        Console.WriteLine("    " + string.Join(", ", ops.Snapshot().Select(c => $"{c.Key} {c.Value:N0} (mean {ops.Duration(c.Key).Mean:F0} ms)")));
    }

    /// <summary>One due and one later template through the real store, the rest copied from them (see <see cref="CloneSeeder"/>).</summary>
    private static async Task CloneSeedAsync(
        string connection, string prefix, int due, int later, TimeOnly dueTime, DateTimeOffset now, int parallelism, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(now);
        await using var services = BenchContainer.Build(connection, prefix, clock, new CountingSender());
        var tables = services.GetRequiredService<CoachBotTables>();
        await tables.EnsureCreatedAsync(cancellationToken);
        var store = services.GetRequiredService<IUserStore>();
        var dueTemplate = await store.SaveAsync(BenchUsers.Profile(BenchUsers.DueId(0), 0, dueTime, now), cancellationToken);
        var seeder = new CloneSeeder(connection, tables);
        var dueTook = await seeder.CloneAsync(dueTemplate.User, [.. Enumerable.Range(1, due - 1).Select(BenchUsers.DueId)], parallelism, cancellationToken);
        var laterTook = TimeSpan.Zero;
        if (later > 0)
        {
            var laterTemplate = await store.SaveAsync(BenchUsers.Profile(BenchUsers.LaterId(0), 0, dueTime.AddMinutes(60), now), cancellationToken);
            laterTook = await seeder.CloneAsync(laterTemplate.User, [.. Enumerable.Range(1, later - 1).Select(BenchUsers.LaterId)], parallelism, cancellationToken);
        }

        var took = dueTook + laterTook;
        Console.WriteLine($"  seed (copy path): 2 templates through IUserStore, {due + later - 2:N0} users copied from their rows in {took.TotalSeconds:F1} s = {(due + later) / took.TotalSeconds:N0} users/s"
            + (later > 0 ? $" (the {later:N0} later users all due {dueTime.AddMinutes(60):HH:mm}Z)" : string.Empty));
    }

    private static async Task<bool> ChildAsync(
        AzuriteProcess azurite, string prefix, DateTimeOffset idleAt, DateTimeOffset dueAt, int expect, int registered, bool fullGc, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("No process path."))
        {
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Orchestrator).Assembly.Location);
        }

        foreach (var arg in new[]
        {
            "dispatch",
            "--connection", azurite.ConnectionString,
            "--prefix", prefix,
            "--idle-at", idleAt.ToString("O", CultureInfo.InvariantCulture),
            "--due-at", dueAt.ToString("O", CultureInfo.InvariantCulture),
            "--expect", expect.ToString(CultureInfo.InvariantCulture),
            "--registered", registered.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        if (fullGc)
        {
            start.ArgumentList.Add("--full-gc-samples");
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("The dispatcher process did not start.");
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(ChildTimeout);
        try
        {
            await child.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            Console.WriteLine($"  the dispatcher process did not finish within {ChildTimeout.TotalMinutes} min; killed");
            return true;
        }

        return child.ExitCode != 0;
    }
}
