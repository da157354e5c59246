namespace CoachBot.Scheduler.Tests.Support;

/// <summary>
/// How many users the multi-process tests seed. CI uses the given default, sized for its two cores: Azurite answers
/// every table query by scanning the whole table, so each save's reconcile (which lists the user's schedule
/// pointers) costs time in proportion to the users already seeded, and seeding grows with the square of the count.
/// Set COACHBOT_SCHEDULER_SOAK_USERS (e.g. 10000) for a full-size run.
/// </summary>
public static class SoakSize
{
    public const string Variable = "COACHBOT_SCHEDULER_SOAK_USERS";

    public static int Users(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), System.Globalization.CultureInfo.InvariantCulture, out var users) && users > 0 ? users : ciDefault;
}
