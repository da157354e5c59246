using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Tests.Auth;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using OpenTelemetry.Trace;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// Issue #13, section 7: a whole Teams session on a host with real-looking settings (signed inbound tokens, connector
/// token, an export download link) with every log line at Trace and every exported span captured: none holds the
/// inbound JWT, the connector token, the app password or the export link's capability.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TeamsSecretsOutOfLogsTests : IAsyncLifetime, IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string ConnectorToken = "connector-token-secret-for-tests";
    private const string PublicBaseUrl = "https://coachbot.example.test";

    private readonly AzuriteFixture _azurite;
    private readonly TestTokenIssuer _issuer = new();
    private readonly RecordingConnectorHandler _connector = new();

    public TeamsSecretsOutOfLogsTests(AzuriteFixture azurite) => _azurite = azurite;

    public Task InitializeAsync() => _issuer.InitializeAsync();

    public Task DisposeAsync() => _issuer.DisposeAsync();

    public void Dispose() => _connector.Dispose();

    [Fact]
    public async Task TeamsSession_LogsAndTraces_HoldNoTokenPasswordOrExportLink()
    {
        var logs = new CapturingLoggerProvider();
        var spans = new List<Activity>();
        var tokens = new Mock<ITeamsAccessTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(ConnectorToken);
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Telemetry:Console"] = "true",
            ["Charts:PublicBaseUrl"] = PublicBaseUrl,
        };
        var user = "29:secrets-" + Guid.NewGuid().ToString("N")[..8];
        var inbound = _issuer.Sign(TestTokenIssuer.BotFrameworkSpec(TimeProvider.System.GetUtcNow()) with { ServiceUrl = ServiceUrl });
        string exportToken;
        await using (var host = await TeamsHost.StartRealLookingAsync(_azurite, _issuer, _connector, tokens.Object, settings, services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
        }))
        {
            foreach (var text in new[] { "help", "start", "export" })
            {
                using var response = await host.PostAsync(TeamsActivities.Message(new Uri(ServiceUrl), user, text), inbound);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            var link = ExportLink(_connector.Bodies);
            exportToken = link.Segments[^1];
            using (var download = await host.Client.GetAsync(link.PathAndQuery))
            {
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            }
        }

        var forbidden = new[] { inbound, inbound.Split('.')[2], ConnectorToken, "not-used-here", exportToken };
        var spanText = spans.Select(s => $"{s.DisplayName} {string.Join(" ", s.TagObjects.Select(t => $"{t.Key}={t.Value}"))}").ToList();
        Assert.NotEmpty(logs.Lines);
        Assert.Contains(spanText, s => s.Contains("/api/messages", StringComparison.Ordinal));
        Assert.Contains(spanText, s => s.Contains("/exports/{token}", StringComparison.Ordinal));
        foreach (var secret in forbidden)
        {
            var inLogs = logs.Lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal));
            Assert.True(inLogs is null, $"A log line holds a secret: {inLogs}");
            var inSpans = spanText.FirstOrDefault(s => s.Contains(secret, StringComparison.Ordinal));
            Assert.True(inSpans is null, $"An exported span holds a secret: {inSpans}");
        }
    }

    /// <summary>The export link of the one reply card that has an Action.OpenUrl to /exports/.</summary>
    private static Uri ExportLink(IEnumerable<string> bodies)
    {
        foreach (var body in bodies.Where(b => b.Length > 0))
        {
            var found = JsonWalk.Objects(JsonNode.Parse(body))
                .Select(n => (string?)n["url"])
                .FirstOrDefault(u => u is not null && u.StartsWith(PublicBaseUrl + "/exports/", StringComparison.Ordinal));
            if (found is not null)
            {
                return new Uri(found);
            }
        }

        throw new InvalidOperationException("No reply carried an export link.");
    }
}
