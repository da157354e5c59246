using CoachBot.Content;
using CoachBot.Core;
using CoachBot.Host;
using CoachBot.Host.Charts;
using CoachBot.Host.Local;
using CoachBot.Host.ServiceDefaults;
using CoachBot.Scheduler;
using CoachBot.Slack;
using CoachBot.Teams;
using CoachBot.Teams.Inbound;
using CoachBot.Storage;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.UseRepositoryAppSettings();
builder.AddServiceDefaults();
builder.AddCoachBotLocalMode();
builder.Services.AddCoachBotContent(builder.Configuration);
builder.Services.AddCoachBotCore();
builder.Services.AddCoachBotCharts();
builder.Services.AddCoachBotStorage(builder.Configuration);
builder.Services.AddCoachBotJson();
builder.Services.AddCoachBotSlack(builder.Configuration);
builder.Services.AddCoachBotTeams(builder.Configuration);
builder.Services.AddCoachBotScheduler(builder.Configuration);

var app = builder.Build();
app.MapServiceDefaults();
app.MapCoachBotCharts();
app.MapCoachBotSlack();
var localMode = app.Services.GetRequiredService<HostModeDecision>().IsLocal;
if (localMode || !string.IsNullOrWhiteSpace(app.Configuration["Teams:AppId"]))
{
    // Without an app id only local mode serves it (anonymous, loopback only: the Agents Playground).
    app.MapTeamsEndpoints();
}

if (localMode)
{
    app.MapLocalChannel();
}

try
{
    app.Run();
}
catch (OptionsValidationException ex) when (!app.Environment.IsEnvironment("Testing"))
{
    // A setting is wrong: say which and how to fix it, one line each, without a stack trace, and exit non-zero.
    // Tests ("Testing") start the host through WebApplicationFactory, which needs the exception itself.
    foreach (var failure in ex.Failures)
    {
        Console.Error.WriteLine($"CoachBot cannot start: {failure}");
    }

    return 1;
}

return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
