namespace CoachBot.Scheduler.Tests.Support;

/// <summary>
/// How many users the multi-process tests seed. CI uses the given default, sized for its two cores: Azurite is one
/// single-threaded Node process, so the emulator, not the scheduler, sets the pace, and the three tests take 5-6
/// minutes each at 10,000 users. Set COACHBOT_SCHEDULER_SOAK_USERS (e.g. 10000) for a full-size run;
/// docs/benchmarks.md has the figures.
/// </summary>
public static class SoakSize
{
    public const string Variable = "COACHBOT_SCHEDULER_SOAK_USERS";

    public static int Users(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), System.Globalization.CultureInfo.InvariantCulture, out var users) && users > 0 ? users : ciDefault;
}
