namespace CoachBot.Scheduler.Tests.Support;

/// <summary>
/// How many users the multi-process tests seed. CI uses the given default, sized for its two cores: Azurite (one
/// single-threaded Node process) answers every query by scanning the whole table, and the replicas walk the Due table's
/// shards every tick while seeding goes on, so the emulator, not the scheduler, sets the pace. Set
/// COACHBOT_SCHEDULER_SOAK_USERS (e.g. 10000) for a full-size run; docs/benchmarks.md has the single-process figures.
/// </summary>
public static class SoakSize
{
    public const string Variable = "COACHBOT_SCHEDULER_SOAK_USERS";

    public static int Users(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), System.Globalization.CultureInfo.InvariantCulture, out var users) && users > 0 ? users : ciDefault;
}
