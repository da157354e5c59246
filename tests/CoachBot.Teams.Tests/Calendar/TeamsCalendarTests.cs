using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachBot.Teams.Tests.Edge;
using CoachBot.Teams.Tests.FakeConnector;
using CoachBot.Testing;

namespace CoachBot.Teams.Tests.Calendar;

/// <summary>`1on1 calendar` in a Teams personal chat over real HTTP, in English and Japanese, and without a public URL.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed partial class TeamsCalendarTests : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://coachbot.example.test";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly AzuriteFixture _azurite;
    private FakeConnector.FakeConnector _connector = null!;

    public TeamsCalendarTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync() => _connector = await FakeConnector.FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Theory]
    [InlineData("en-US", "Here is the private address of your 1-on-1 calendar:", "Done: your old calendar address no longer works.")]
    [InlineData("ja-JP", "1on1 カレンダーの非公開アドレスです：", "古いカレンダーアドレスを無効にしました。")]
    public async Task Calendar_PersonalChat_GivesTheAddressInTheUsersLanguage_AndResetRevokes(string locale, string created, string reset)
    {
        await using var host = await TeamsHost.StartAsync(_azurite, new Dictionary<string, string?> { ["Charts:PublicBaseUrl"] = PublicBaseUrl });
        var user = "29:cal-" + Guid.NewGuid().ToString("N")[..8];

        var first = await SayAsync(host, user, "1on1 calendar", locale);
        var second = await SayAsync(host, user, "1on1 calendar reset", locale);

        Assert.Contains(created, Text(first), StringComparison.Ordinal);
        Assert.Contains(reset, Text(second), StringComparison.Ordinal);
        var old = new Uri(Url(Text(first)));
        var fresh = new Uri(Url(Text(second)));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(old.PathAndQuery)).StatusCode);
        using var feed = await host.Client.GetAsync(fresh.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", feed.Content.Headers.ContentType?.ToString());
        // Someone who never finished setup has no stored zone: the feed and the answer both say UTC.
        Assert.Contains("TZID:UTC", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("UTC）", Regex.Replace(Text(first), @"\(UTC\)", "UTC）"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_WithoutAPublicBaseUrl_SaysWhatIsMissing_AndMakesNoAddress()
    {
        await using var host = await TeamsHost.StartAsync(_azurite);
        var user = "29:calnolink-" + Guid.NewGuid().ToString("N")[..8];

        var reply = await SayAsync(host, user, "1on1 calendar", "en-US");

        Assert.Contains("Charts:PublicBaseUrl", Text(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("/calendar/", Text(reply), StringComparison.Ordinal);
    }

    private async Task<ConnectorRequest> SayAsync(TeamsHost host, string user, string text, string locale)
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl, user, text);
        activity["locale"] = locale;
        foreach (var entity in (activity["entities"] as JsonArray ?? []).OfType<JsonObject>())
        {
            entity["locale"] = locale;
        }

        using var response = await host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _connector.WaitForAsync(r => r.ActivityId == (string)activity["id"]!, Wait);
    }

    /// <summary>The message's text and every text of its card.</summary>
    private static string Text(ConnectorRequest request) => request.Body?.ToJsonString() is { } json ? Regex.Unescape(json) : string.Empty;

    private static string Url(string text) => UrlPattern().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException("no address in: " + text);

    [GeneratedRegex(@"https://coachbot\.example\.test/calendar/[A-Za-z0-9_-]{43}\.ics")]
    private static partial Regex UrlPattern();
}
