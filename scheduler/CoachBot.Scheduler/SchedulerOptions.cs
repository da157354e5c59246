using CoachBot.Core.Scheduling;

namespace CoachBot.Scheduler;

/// <summary>Scheduler settings (configuration section <c>Scheduler</c>); docs/decisions/0014-scheduler.md.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>False turns the dispatcher off on this replica (e.g. a replica that only serves HTTP). Settings
    /// changes still reschedule, so the replicas that do dispatch stay right.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron of the dispatcher tick (seconds first). Every minute by default.</summary>
    public string TickCron { get; set; } = "0 * * * * ?";

    /// <summary>Quartz cron of the retention clean-up, in UTC. Daily at 03:17 by default.</summary>
    public string RetentionCron { get; set; } = "0 17 3 * * ?";

    /// <summary>How late a missed nudge (habit, snooze, reading, skills, reflection prompts) may still be sent.</summary>
    public TimeSpan NudgeGrace { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How late a missed 1-on-1 follow-up may still be sent. Prep prompts may be late until the meeting starts.</summary>
    public TimeSpan FollowUpGrace { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How late a team summary may still be posted.</summary>
    public TimeSpan SummaryGrace { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Prep prompts before each 1-on-1, in hours (default 24 and 1).</summary>
    public int[] PrepHoursBefore { get; set; } = [24, 1];

    /// <summary>When the 1-on-1 follow-up goes out, counted from the meeting's start.</summary>
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claim on a due row holds before another replica may take it over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Sends in flight at once on this replica, across users.</summary>
    public int MaxParallelSends { get; set; } = 32;

    /// <summary>Sends in flight at once per platform, so bursts stay inside Slack's and Teams' rate limits (their
    /// clients also pace per method and retry 429s); other platforms use <see cref="MaxParallelSends"/>.</summary>
    public Dictionary<string, int> ChannelConcurrency { get; set; } = new(StringComparer.Ordinal) { ["slack"] = 8, ["msteams"] = 8 };

    /// <summary>
    /// HTTP attempts one send (one message to one person or channel) may make in total, across the platform
    /// pipeline's retries and every call the send needs, before the row is released for a later run (ADR 0029).
    /// </summary>
    public int MaxAttemptsPerDelivery { get; set; } = 4;

    /// <summary>How far back the first walk of a shard looks when it has no cursor yet.</summary>
    public TimeSpan MaxLookback { get; set; } = TimeSpan.FromDays(8);

    /// <summary>How far the cursor stays behind now, so rows written by a replica with a slightly slow clock are
    /// still seen.</summary>
    public TimeSpan CursorLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most rows read from one shard per tick; the rest wait for the next tick.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Ledger keys older than this are deleted by the retention job.</summary>
    public TimeSpan LedgerRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Inbox items older than this (given up on) are deleted by the retention job.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Added to two tick intervals to give how long the dispatcher may go without finishing a run (or a row)
    /// before this replica's /readyz fails (check "scheduler"; docs/operations.md).</summary>
    public TimeSpan ReadinessGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Names this replica in claims and logs; the machine name and process id when empty.</summary>
    public string ReplicaId { get; set; } = string.Empty;

    /// <summary>The product rules these settings describe.</summary>
    public ScheduleRules ToRules() => new()
    {
        NudgeGrace = NudgeGrace,
        FollowUpGrace = FollowUpGrace,
        SummaryGrace = SummaryGrace,
        PrepHoursBefore = [.. PrepHoursBefore],
        FollowUpAfter = FollowUpAfter,
    };
}
