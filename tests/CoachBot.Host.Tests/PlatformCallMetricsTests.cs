using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CoachBot.Core.Telemetry;
using CoachBot.Slack;
using CoachBot.Slack.Api;
using CoachBot.Teams.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Host.Tests;

/// <summary>
/// The Slack and Teams HttpClients, as registered, count each call by platform, operation and status class over
/// real HTTP; ids in paths never become tags.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PlatformCallMetricsTests : IAsyncLifetime, IDisposable
{
    private readonly ConcurrentQueue<Dictionary<string, string?>> _calls = new();
    private readonly MeterListener _listener = new();
    private WebApplication _server = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();

        // The status to answer is the last path segment's number when it has one (…/activities/429), else 200.
        _server.Run(context =>
        {
            var last = context.Request.Path.Value!.Split('/')[^1];
            context.Response.StatusCode = int.TryParse(last, out var status) ? status : 200;
            return context.Response.WriteAsync("{\"ok\":true}");
        });
        await _server.StartAsync();
        _base = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CoachBotTelemetry.SourceName && instrument.Name == CoachBotMetricNames.PlatformApiCalls)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var seen = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                seen[tag.Key] = tag.Value?.ToString();
            }

            _calls.Enqueue(seen);
        });
        _listener.Start();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task SlackAndTeamsCalls_AreCountedByPlatformOperationAndStatusClass()
    {
        var services = new ServiceCollection();
        services.AddSlackApiClient();
        services.AddTeamsConnector();
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        var slack = factory.CreateClient(SlackApiClient.HttpClientName);
        var teams = factory.CreateClient(TeamsConnectorClient.HttpClientName);

        // Slack's method names sit in the path; a status in a fake method name's place is not a method.
        (await slack.PostAsync(new Uri(_base, "/api/chat.postMessage"), null)).Dispose();
        (await slack.PostAsync(new Uri(_base, "/api/429"), null)).Dispose();
        (await teams.PostAsync(new Uri(_base, "/v3/conversations/a:secret-conversation/activities/429"), null)).Dispose();
        (await teams.PostAsync(new Uri(_base, "/v3/conversations/a:secret-conversation/activities"), null)).Dispose();
        (await teams.PutAsync(new Uri(_base, "/v3/conversations/a:secret-conversation/activities/503"), null)).Dispose();
        (await teams.PostAsync(new Uri(_base, "/v3/conversations/a:secret-conversation/activities/403"), null)).Dispose();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => teams.PostAsync(new Uri("http://127.0.0.1:1/v3/conversations"), null));

        Assert.Contains(_calls, c => Is(c, "slack", "chat.postMessage", "2xx"));
        Assert.Contains(_calls, c => Is(c, "slack", "other", "429"));
        Assert.Contains(_calls, c => Is(c, "msteams", "activities.reply", "429"));
        Assert.Contains(_calls, c => Is(c, "msteams", "activities.send", "2xx"));
        Assert.Contains(_calls, c => Is(c, "msteams", "activities.update", "5xx"));
        Assert.Contains(_calls, c => Is(c, "msteams", "activities.reply", "403"));
        Assert.Contains(_calls, c => Is(c, "msteams", "conversations.create", "error"));
        Assert.All(_calls, c => Assert.Equal(["operation", "platform", "status"], c.Keys.Order(StringComparer.Ordinal)));
        Assert.DoesNotContain(_calls, c => c.Values.Any(v => v?.Contains("secret", StringComparison.Ordinal) == true));
    }

    private static bool Is(Dictionary<string, string?> call, string platform, string operation, string status) =>
        call["platform"] == platform && call["operation"] == operation && call["status"] == status;
}
