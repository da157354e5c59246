using CoachBot.Content;
using CoachBot.Core;
using CoachBot.Host;
using CoachBot.Host.Calendar;
using CoachBot.Host.Charts;
using CoachBot.Host.Exports;
using CoachBot.Host.Local;
using CoachBot.Host.Proxy;
using CoachBot.Host.PublicPages;
using CoachBot.Host.ServiceDefaults;
using CoachBot.Scheduler;
using CoachBot.Slack;
using CoachBot.Teams;
using CoachBot.Teams.Inbound;
using CoachBot.Storage;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.UseRepositoryAppSettings();
builder.UseLaptopUrlUnlessConfigured();
builder.AddServiceDefaults();
builder.AddCoachBotLocalMode();
builder.Services.AddCoachBotContent(builder.Configuration);
builder.Services.AddCoachBotCore();
builder.Services.AddCoachBotForwardedHeaders();
builder.Services.AddCoachBotPublicPages();
builder.Services.AddCoachBotCharts();
builder.Services.AddCoachBotExports();
builder.Services.AddCoachBotCalendar();
builder.Services.AddCoachBotStorage(builder.Configuration);
builder.Services.AddCoachBotJson();
builder.Services.AddCoachBotSlack(builder.Configuration);
builder.Services.AddCoachBotTeams(builder.Configuration);
builder.Services.AddCoachBotChannelOptionsValidation();
builder.Services.AddCoachBotScheduler(builder.Configuration);

var app = builder.Build();
app.UseCoachBotForwardedHeaders();
app.MapServiceDefaults();
app.MapCoachBotCharts();
app.MapCoachBotExports();
app.MapCoachBotCalendar();
app.MapCoachBotPublicPages();
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

// Tests ("Testing") start the host through WebApplicationFactory, which needs the exception itself.
var testing = app.Environment.IsEnvironment("Testing");
try
{
    // Check every setting before anything starts: a wrong one gets one line naming it, not a logged stack trace.
    app.Services.GetService<IStartupValidator>()?.Validate();
}
catch (Exception ex) when (!testing && ex is OptionsValidationException or AggregateException { InnerExceptions: [OptionsValidationException, ..] })
{
    // Several settings sections can fail at once (an AggregateException of one OptionsValidationException each).
    var failures = ex is AggregateException all ? all.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures) : ((OptionsValidationException)ex).Failures;
    foreach (var failure in failures)
    {
        Console.Error.WriteLine($"CoachBot cannot start: {failure}");
    }

    return 1;
}

app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
