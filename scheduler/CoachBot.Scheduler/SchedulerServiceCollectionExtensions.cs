using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Scheduler.Health;
using CoachBot.Scheduler.Index;
using CoachBot.Scheduler.Jobs;
using CoachBot.Scheduler.Subjects;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoachBot.Scheduler;

/// <summary>Registers the scheduler: rescheduling stores, the dispatcher, and (when enabled) the Quartz jobs.</summary>
public static class SchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SchedulerOptions"/> (section <c>Scheduler</c>, validated on start), wraps the user, 1-on-1 and
    /// reflection stores so every save reschedules, and adds <see cref="DueIndexDispatcher"/>. With
    /// <c>Scheduler:Enabled</c> it also runs Quartz with the dispatch tick, the daily retention clean-up and the daily uninstall purge on the
    /// container's <see cref="TimeProvider"/>. Call after the stores are registered.
    /// </summary>
    public static IServiceCollection AddCoachBotScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SchedulerOptions>>().Value.ToRules());

        var users = Take<IUserStore>(services);
        var oneOnOnes = Take<IOneOnOneStore>(services);
        var reflections = Take<IReflectionStore>(services);
        services.AddSingleton(sp => new ScheduleSources(
            (IUserStore)Resolve(sp, users), (IOneOnOneStore)Resolve(sp, oneOnOnes), (IReflectionStore)Resolve(sp, reflections)));
        services.AddSingleton<ScheduleReconciler>();
        services.AddSingleton<IUserStore>(sp => new SchedulingUserStore(sp.GetRequiredService<ScheduleSources>().Users, sp.GetRequiredService<ScheduleReconciler>()));
        services.AddSingleton<IOneOnOneStore>(sp => new SchedulingOneOnOneStore(sp.GetRequiredService<ScheduleSources>().OneOnOnes, sp.GetRequiredService<ScheduleReconciler>()));
        services.AddSingleton<IReflectionStore>(sp => new SchedulingReflectionStore(sp.GetRequiredService<ScheduleSources>().Reflections, sp.GetRequiredService<ScheduleReconciler>()));

        services.AddSingleton<IScheduleSubjects, UserScheduleSubjects>();
        services.AddSingleton<IScheduleSubjects, PairingScheduleSubjects>();
        services.AddSingleton<IScheduleSubjects, ReflectionScheduleSubjects>();
        services.AddSingleton<ChannelSenders>();
        services.AddSingleton<DueIndexDispatcher>();
        services.TryAddSingleton<SchedulerHeartbeat>();
        services.AddSingleton<RetentionJob>();
        services.AddSingleton<UninstallPurgeJob>();

        var options = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        if (!options.Enabled)
        {
            return services;
        }

        // Readiness follows the dispatcher's heartbeat: a replica whose loop stopped is taken out of rotation.
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerHeartbeat>());
        services.AddHealthChecks().AddCheck<SchedulerReadinessCheck>(SchedulerReadinessCheck.Name, tags: ["ready"]);
        services.AddQuartz(q =>
        {
            // No UseTimeProvider here: Quartz 4.7 runs on the container's TimeProvider when the scheduler is given
            // none, so the system clock, the local mode's clock and a test's fake clock all reach it unchanged.
            q.AddJob<DispatchJob>(j => j.WithIdentity(DispatchJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(DispatchJob.Key)
                .WithIdentity("due-index-tick", "coachbot")
                .WithCronSchedule(options.TickCron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddJob<RetentionJob>(j => j.WithIdentity(RetentionJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(RetentionJob.Key)
                .WithIdentity("retention-daily", "coachbot")
                .WithCronSchedule(options.RetentionCron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddJob<UninstallPurgeJob>(j => j.WithIdentity(UninstallPurgeJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(UninstallPurgeJob.Key)
                .WithIdentity("uninstall-purge-daily", "coachbot")
                .WithCronSchedule(options.RetentionCron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>Removes the current registration of <typeparamref name="T"/> and returns it, so it can be wrapped.</summary>
    private static ServiceDescriptor Take<T>(IServiceCollection services)
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(T))
            ?? throw new InvalidOperationException($"Register the {typeof(T).Name} before calling AddCoachBotScheduler: the scheduler wraps it.");
        services.Remove(descriptor);
        return descriptor;
    }

    private static object Resolve(IServiceProvider provider, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.GetServiceOrCreateInstance(provider, descriptor.ImplementationType!);
}
