using CoachBot.Content;
using CoachBot.Core;
using CoachBot.Core.Delivery;
using CoachBot.Scheduler;
using CoachBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Benchmarks.SchedulerDispatch;

/// <summary>
/// The scheduler replica's composition (content + core + storage + scheduler, Quartz off), on a clock the benchmark
/// controls and with the counting sender as the local channel.
/// </summary>
public static class BenchContainer
{
    public static ServiceProvider Build(string connectionString, string tablePrefix, FakeTimeProvider clock, CountingSender sink)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = connectionString,
                ["Storage:TablePrefix"] = tablePrefix,
                ["Scheduler:Enabled"] = "false",
                ["Scheduler:ReplicaId"] = "bench",
            })
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(new StderrLoggerProvider()).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IChannelSender>(sink);
        services.AddCoachBotContent(configuration);
        services.AddCoachBotCore();
        services.AddCoachBotStorage(configuration);
        services.AddCoachBotScheduler(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }
}
