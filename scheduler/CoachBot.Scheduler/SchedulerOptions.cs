namespace CoachBot.Scheduler;

/// <summary>Scheduler settings (configuration section <c>Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>False turns the scheduler off on this replica (e.g. a replica that only serves HTTP).</summary>
    public bool Enabled { get; set; } = true;
}
