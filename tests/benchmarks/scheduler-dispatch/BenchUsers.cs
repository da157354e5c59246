using CoachBot.Core.Users;

namespace CoachBot.Benchmarks.SchedulerDispatch;

/// <summary>The benchmark's people: onboarded profiles on the local channel, every day a working day, in UTC.</summary>
public static class BenchUsers
{
    public const string Channel = "local";
    public const string Tenant = "T0BENCH";

    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    // From the content vocabulary (content/en/roles.yaml, content/en/paths.yaml).
    private static readonly string[] Roles = ["em", "tech_lead", "vpoe", "cto"];
    private static readonly string[] Paths = ["internal", "job_change", "founding"];

    /// <summary>Id of the i-th user whose nudge is due in the measured minute.</summary>
    public static string DueId(int i) => $"due-{i:D6}";

    /// <summary>Id of the i-th user whose nudge is due later in the day.</summary>
    public static string LaterId(int i) => $"later-{i:D6}";

    public static UserProfile Profile(string id, int i, TimeOnly nudgeTime, DateTimeOffset now) => new()
    {
        User = new UserRef(Channel, Tenant, id),
        DisplayName = "Bench " + id,
        TimeZoneId = "UTC",
        TimeZoneChosen = true,
        NudgeTime = nudgeTime,
        WorkingDays = EveryDay,
        Role = Roles[i % Roles.Length],
        CareerPath = Paths[i % Paths.Length],
        Onboarding = OnboardingStep.Complete,
        CreatedAt = now,
    };
}
