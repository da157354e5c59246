using System.Diagnostics;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;

namespace CoachBot.Benchmarks.SchedulerDispatch;

/// <summary>Saves onboarded profiles through the container's user store, so the scheduler's decorator writes their schedules.</summary>
public static class Seeder
{
    private static int _falseConflicts;

    /// <summary>Inserts answered "already exists" although the row was new (an SDK retry after a lost answer).</summary>
    public static int FalseConflicts => Volatile.Read(ref _falseConflicts);

    /// <summary>
    /// <paramref name="due"/> users nudged at <paramref name="dueTime"/>, then <paramref name="later"/> users nudged
    /// one to eleven hours later (spread over 600 distinct minutes).
    /// </summary>
    public static async Task<TimeSpan> SeedAsync(
        IUserStore users, int due, int later, TimeOnly dueTime, DateTimeOffset now, int parallelism, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var done = 0;
        var total = due + later;
        var work = Enumerable.Range(0, due).Select(i => BenchUsers.Profile(BenchUsers.DueId(i), i, dueTime, now))
            .Concat(Enumerable.Range(0, later).Select(i => BenchUsers.Profile(BenchUsers.LaterId(i), i, dueTime.AddMinutes(60 + (i % 600)), now)));
        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (profile, token) =>
            {
                try
                {
                    await users.SaveAsync(profile, token);
                }
                catch (ConcurrencyConflictException)
                {
                    // The insert went through but its answer was lost and the SDK's retry met the row (see
                    // docs/benchmarks.md): save the stored profile again so the scheduler writes its schedules.
                    Interlocked.Increment(ref _falseConflicts);
                    var stored = await users.GetAsync(profile.User, token) ?? throw new InvalidOperationException($"{profile.User} vanished.");
                    await users.SaveAsync(stored, token);
                }

                var n = Interlocked.Increment(ref done);
                if (n % 10_000 == 0 && n < total)
                {
                    Console.WriteLine($"  seeded {n:N0}/{total:N0} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s");
                }
            });
        return Stopwatch.GetElapsedTime(started);
    }
}
