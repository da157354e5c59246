using CoachBot.Content;
using CoachBot.Core;
using CoachBot.Host;
using CoachBot.Host.Charts;
using CoachBot.Host.Exports;
using CoachBot.Host.Local;
using CoachBot.Host.ServiceDefaults;
using CoachBot.Scheduler;
using CoachBot.Slack;
using CoachBot.Teams;
using CoachBot.Teams.Inbound;
using CoachBot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.UseRepositoryAppSettings();
builder.AddServiceDefaults();
builder.AddCoachBotLocalMode();
builder.Services.AddCoachBotContent(builder.Configuration);
builder.Services.AddCoachBotCore();
builder.Services.AddCoachBotCharts();
builder.Services.AddCoachBotExports();
builder.Services.AddCoachBotStorage(builder.Configuration);
builder.Services.AddCoachBotJson();
builder.Services.AddCoachBotSlack(builder.Configuration);
builder.Services.AddCoachBotTeams(builder.Configuration);
builder.Services.AddCoachBotScheduler(builder.Configuration);

var app = builder.Build();
app.MapServiceDefaults();
app.MapCoachBotCharts();
app.MapCoachBotExports();
app.MapCoachBotSlack();
var localMode = LocalOptions.IsLocalMode(app.Configuration);
if (localMode || !string.IsNullOrWhiteSpace(app.Configuration["Teams:AppId"]))
{
    // Without an app id only local mode serves it (anonymous, loopback only: the Agents Playground).
    app.MapTeamsEndpoints();
}

if (localMode)
{
    app.MapLocalChannel();
}

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
