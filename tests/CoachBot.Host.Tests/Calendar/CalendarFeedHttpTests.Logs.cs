using System.Diagnostics;
using System.Net;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace CoachBot.Host.Tests.Calendar;

/// <summary>The feed's token is a bearer secret in the path: no log line, logging scope or exported span may hold it.</summary>
public sealed partial class CalendarFeedHttpTests
{
    [Fact]
    public async Task Feed_FetchedOverHttp_ItsTokenIsInNoLogLineScopeOrSpan()
    {
        var logs = new CapturingLoggerProvider();
        var spans = new List<Activity>();
        string token;
        await using (var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Telemetry:Console"] = "true",
        })
        {
            ConfigureTestServices = s =>
            {
                s.AddSingleton<ILoggerProvider>(logs);
                s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
            },
        })
        {
            var client = app.CreateClient();
            var (_, report) = await PairAsync(client);
            var url = Url((await client.SendAsync(report, "1on1 calendar")).AllText());
            token = url["/calendar/".Length..^".ics".Length];

            using (var feed = await client.GetAsync(url))
            {
                Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
                Assert.Contains("BEGIN:VEVENT", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // Upper case still reaches the route (routing ignores case): redacted the same way.
            using var shouted = await client.GetAsync("/CALENDAR/" + token + ".ics");
            Assert.Equal(HttpStatusCode.OK, shouted.StatusCode);
        }

        var feedLines = logs.Lines.Where(l => l.Contains("/calendar/", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Contains(feedLines, l => l.Contains("Request starting", StringComparison.Ordinal));
        Assert.Contains(feedLines, l => l.Contains("RequestPath", StringComparison.Ordinal) || l.Contains("/calendar/redacted.ics", StringComparison.Ordinal));
        var inLogs = logs.Lines.FirstOrDefault(l => l.Contains(token, StringComparison.Ordinal));
        Assert.True(inLogs is null, "A log line holds the feed token: " + inLogs);

        var server = spans.Where(s => s.Kind == ActivityKind.Server).ToList();
        Assert.Contains(server, s => (s.GetTagItem("http.route") as string)?.StartsWith("/calendar/", StringComparison.Ordinal) == true);
        var spanText = server.Select(s => $"{s.DisplayName} {string.Join(" ", s.TagObjects.Select(t => $"{t.Key}={t.Value}"))}");
        var inSpans = spanText.FirstOrDefault(s => s.Contains(token, StringComparison.Ordinal));
        Assert.True(inSpans is null, "An exported span holds the feed token: " + inSpans);
    }
}
