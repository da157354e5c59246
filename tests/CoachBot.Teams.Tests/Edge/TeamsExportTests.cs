using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Core.Users;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Tests.FakeConnector;
using CoachBot.Testing;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// `export` on Teams, end to end over real HTTP: a bot's Teams message carries no file, so the reply card carries a
/// signed download link; the test opens it on the host and finds every record of the user in the file.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TeamsExportTests : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://coachbot.example.test";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly AzuriteFixture _azurite;
    private FakeConnector.FakeConnector _connector = null!;

    public TeamsExportTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync() => _connector = await FakeConnector.FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task Export_WithAPublicBaseUrl_CardLinksToTheFile_WhichHoldsEveryRecord()
    {
        await using var host = await TeamsHost.StartAsync(_azurite, new Dictionary<string, string?> { ["Charts:PublicBaseUrl"] = PublicBaseUrl });
        var user = "29:export-" + Guid.NewGuid().ToString("N")[..8];
        var sample = await ExportSample.SeedAsync(host.Services, new UserRef("msteams", TeamsActivities.Tenant, user));

        var reply = await SayAsync(host, user, "export");

        var card = Assert.Single(Cards(reply));
        Assert.Empty(AdaptiveCardValidator.Validate(card));
        var link = Assert.Single(JsonWalk.Objects(card), n => (string?)n["type"] == "Action.OpenUrl");
        var url = new Uri((string)link["url"]!);
        Assert.StartsWith(PublicBaseUrl + "/exports/", url.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("attached", Text(reply), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(url.ToString(), Text(reply), StringComparison.Ordinal);

        // The user id is nowhere in the link: the payload is encrypted, not just signed.
        Assert.DoesNotContain("export-", url.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user))[..12], url.ToString(), StringComparison.Ordinal);

        using var download = await host.Client.GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^coachbot-export-\d{4}-\d{2}-\d{2}\.json$", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.True(download.Headers.CacheControl?.NoStore, "a personal export must not be cached");
        sample.AssertComplete(await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_WithoutAPublicBaseUrl_SaysWhatIsMissing_AndClaimsNoAttachment()
    {
        await using var host = await TeamsHost.StartAsync(_azurite);
        var user = "29:nolink-" + Guid.NewGuid().ToString("N")[..8];

        var reply = await SayAsync(host, user, "export");

        var text = Text(reply);
        Assert.DoesNotContain("attached", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Charts:PublicBaseUrl", text, StringComparison.Ordinal);
        Assert.Contains("type export again", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Cards(reply).SelectMany(JsonWalk.Objects), n => (string?)n["type"] == "Action.OpenUrl");
    }

    private async Task<ConnectorRequest> SayAsync(TeamsHost host, string user, string text)
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl, user, text);
        using var response = await host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _connector.WaitForAsync(r => r.ActivityId == (string)activity["id"]!, Wait);
    }

    private static string Text(ConnectorRequest request) => request.Body?["text"]?.ToString() ?? string.Empty;

    private static IEnumerable<JsonObject> Cards(ConnectorRequest request) =>
        (request.Body?["attachments"] as JsonArray ?? []).OfType<JsonObject>().Select(a => a["content"]).OfType<JsonObject>();
}
