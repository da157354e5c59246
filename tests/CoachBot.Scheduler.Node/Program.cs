using CoachBot.Content;
using CoachBot.Core;
using CoachBot.Core.Delivery;
using CoachBot.Core.Habits;
using CoachBot.Scheduler;
using CoachBot.Scheduler.Node;
using CoachBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A scheduler replica for the multi-process tests: content, core, storage and the scheduler with a fast tick, and a
// "local" channel sender that POSTs every message to the test's sink. No Slack, no Teams, no HTTP server.
//
// Settings (environment variables or --Section:Key=value arguments):
//   Storage:ConnectionString, Storage:TablePrefix  where the shared tables are
//   Scheduler:ReplicaId                            names this replica in claims, logs and the sink's X-Replica header
//   Sink:Url                                       e.g. http://127.0.0.1:5123/deliveries
//   Scheduler:* and Content:Path                   as in the host; the defaults below suit the tests
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, EnvironmentName = Environments.Production });

// Lowest precedence: the environment and the command line override every one of these.
builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>
    {
        ["Scheduler:Enabled"] = "true",
        ["Scheduler:TickCron"] = "*/2 * * * * ?",
        ["Scheduler:ChannelConcurrency:local"] = "32",
        ["Storage:TablePrefix"] = "coachbot",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Quartz"] = "Warning",
        ["Logging:LogLevel:CoachBot.Storage"] = "Warning",
    },
});

builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.IncludeScopes = false;
    o.TimestampFormat = "HH:mm:ss.fff ";
    o.UseUtcTimestamp = true;
});

builder.Services.AddCoachBotContent(builder.Configuration);
builder.Services.AddCoachBotCore();
builder.Services.AddCoachBotStorage(builder.Configuration);
builder.Services.AddSingleton<IProgressChartLinks, NoProgressChartLinks>();
builder.Services.AddSingleton<IChannelSender>(sp => new SinkChannelSender(
    new Uri(builder.Configuration["Sink:Url"] ?? throw new InvalidOperationException("Set Sink:Url, e.g. http://127.0.0.1:5123/deliveries.")),
    builder.Configuration["Scheduler:ReplicaId"] ?? Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
builder.Services.AddCoachBotScheduler(builder.Configuration);

using var host = builder.Build();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CoachBot.Scheduler.Node");
NodeLog.Started(logger, builder.Configuration["Scheduler:ReplicaId"] ?? "(unnamed)", Environment.ProcessId);
await host.RunAsync();
return 0;
