using CoachBot.Content;
using CoachBot.Core;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Scheduler.Index;
using CoachBot.Storage;
using CoachBot.Storage.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduler.Tests.Composition;

public sealed class SchedulerServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCoachBotScheduler_WrapsTheStores_SoEverySaveReschedules()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });

        Assert.IsType<SchedulingUserStore>(provider.GetRequiredService<IUserStore>());
        Assert.IsType<SchedulingOneOnOneStore>(provider.GetRequiredService<IOneOnOneStore>());
        Assert.IsType<SchedulingReflectionStore>(provider.GetRequiredService<IReflectionStore>());
        Assert.IsType<CachingUserStore>(provider.GetRequiredService<ScheduleSources>().Users);
        Assert.NotNull(provider.GetRequiredService<DueIndexDispatcher>());
    }

    [Fact]
    public void AddCoachBotScheduler_Enabled_RunsQuartz_Disabled_DoesNot()
    {
        var on = Services(new Dictionary<string, string?>());
        var off = Services(new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });

        Assert.Contains(on, IsQuartzHost);
        Assert.DoesNotContain(off, IsQuartzHost);
    }

    [Fact]
    public async Task AddCoachBotScheduler_Enabled_SchedulesTheUninstallPurgeOnTheRetentionCron()
    {
        const string Cron = "0 41 2 * * ?";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduler:RetentionCron"] = Cron }).Build();
        var services = Services(new Dictionary<string, string?> { ["Scheduler:RetentionCron"] = Cron });
        services.AddSingleton<IConfiguration>(configuration);
        await using var provider = services.BuildServiceProvider();

        var scheduler = await provider.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<Quartz.ICronTrigger>(await scheduler.GetTrigger(new Quartz.TriggerKey("uninstall-purge-daily", "coachbot")));

        Assert.Equal(CoachBot.Scheduler.Jobs.UninstallPurgeJob.Key, trigger.JobKey);
        Assert.Equal(Cron, trigger.CronExpressionString);
        Assert.Equal(TimeZoneInfo.Utc, trigger.TimeZone);
        Assert.NotNull(provider.GetRequiredService<CoachBot.Scheduler.Jobs.UninstallPurgeJob>());
    }

    [Fact]
    public void AddCoachBotScheduler_BadSetting_FailsValidationWithItsName()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false", ["Scheduler:NudgeGrace"] = "-00:01:00" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SchedulerOptions>>().Value);
        Assert.Contains("Scheduler:NudgeGrace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCoachBotScheduler_BeforeTheStores_SaysWhatToDo()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddCoachBotScheduler(new ConfigurationBuilder().Build()));

        Assert.Contains("Register the IUserStore before calling AddCoachBotScheduler", error.Message, StringComparison.Ordinal);
    }

    private static bool IsQuartzHost(ServiceDescriptor d) =>
        d.ServiceType == typeof(IHostedService) && (d.ImplementationType?.FullName ?? string.Empty).StartsWith("Quartz", StringComparison.Ordinal);

    private static ServiceProvider Build(Dictionary<string, string?> settings) => Services(settings).BuildServiceProvider();

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCoachBotContent(configuration);
        services.AddCoachBotCore();
        services.AddCoachBotStorage(configuration);
        services.AddCoachBotScheduler(configuration);
        return services;
    }
}
