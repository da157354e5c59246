using Microsoft.Extensions.Options;

namespace CoachBot.Scheduler;

/// <summary>Checks <see cref="SchedulerOptions"/> at start-up; each message names the setting and how to fix it.</summary>
public sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Quartz.CronExpression.TryParse(options.TickCron, out _))
        {
            failures.Add($"Scheduler:TickCron '{options.TickCron}' is not a Quartz cron expression; use one with seconds first, e.g. '0 * * * * ?'.");
        }

        if (!Quartz.CronExpression.TryParse(options.RetentionCron, out _))
        {
            failures.Add($"Scheduler:RetentionCron '{options.RetentionCron}' is not a Quartz cron expression; e.g. '0 17 3 * * ?'.");
        }

        Positive(failures, "NudgeGrace", options.NudgeGrace, "02:00:00");
        Positive(failures, "FollowUpGrace", options.FollowUpGrace, "1.00:00:00");
        Positive(failures, "SummaryGrace", options.SummaryGrace, "7.00:00:00");
        Positive(failures, "ClaimLease", options.ClaimLease, "00:02:00");
        Positive(failures, "MaxLookback", options.MaxLookback, "8.00:00:00");
        Positive(failures, "LedgerRetention", options.LedgerRetention, "30.00:00:00");
        Positive(failures, "InboxRetention", options.InboxRetention, "7.00:00:00");
        Positive(failures, "ReadinessGrace", options.ReadinessGrace, "00:00:30");
        if (options.LedgerRetention <= options.MaxLookback)
        {
            failures.Add("Scheduler:LedgerRetention must be longer than Scheduler:MaxLookback, or a late occurrence could be sent twice; e.g. '30.00:00:00'.");
        }

        if (options.PrepHoursBefore.Length == 0 || options.PrepHoursBefore.Any(h => h is < 1 or > 168))
        {
            failures.Add("Scheduler:PrepHoursBefore needs one or more whole hours from 1 to 168, e.g. [24, 1].");
        }

        if (options.MaxParallelSends is < 1 or > 1024)
        {
            failures.Add("Scheduler:MaxParallelSends must be from 1 to 1024, e.g. 32.");
        }

        if (options.MaxAttemptsPerDelivery is < 1 or > 20)
        {
            failures.Add("Scheduler:MaxAttemptsPerDelivery must be from 1 to 20, e.g. 4.");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            failures.Add("Scheduler:BatchSize must be from 1 to 100000, e.g. 5000.");
        }

        foreach (var (channel, limit) in options.ChannelConcurrency)
        {
            if (limit < 1)
            {
                failures.Add($"Scheduler:ChannelConcurrency:{channel} must be at least 1, e.g. 8.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string setting, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Scheduler:{setting} must be a positive time span, e.g. '{example}'.");
        }
    }
}
