using System.Net;
using System.Text.RegularExpressions;
using CoachBot.Slack.Tests.Edge;
using CoachBot.Testing;

namespace CoachBot.Slack.Tests.Calendar;

/// <summary>`1on1 calendar` in a Slack DM, end to end through the fake Slack API, in English and Japanese.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed partial class SlackCalendarTests : IAsyncLifetime
{
    private const string PublicBase = "https://coachbot.example.com";

    private readonly AzuriteFixture _azurite;
    private SlackHost _host = null!;

    public SlackCalendarTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        _host = await SlackHost.StartAsync(_azurite, new Dictionary<string, string?> { ["Charts:PublicBaseUrl"] = PublicBase });
        _host.Slack.AddUser("U0CALEN", tz: "America/New_York", locale: "en-US");
        _host.Slack.AddUser("U0CALJA", tz: "Asia/Tokyo", locale: "ja-JP");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Calendar_InADm_PostsTheAbsoluteAddressThatServesTheFeed()
    {
        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0CALEN1", "U0CALEN", "1on1 calendar"));

        var said = await _host.Slack.WaitForCallAsync("chat.postMessage", c => ((string?)c.Body["text"])?.Contains("/calendar/", StringComparison.Ordinal) == true);
        var text = (string)said.Body["text"]!;
        Assert.Contains("Here is the private address of your 1-on-1 calendar:", text, StringComparison.Ordinal);
        // Before setup no zone is stored, so the feed is in UTC and the answer says so (setup or settings change it).
        Assert.Contains("(UTC)", text, StringComparison.Ordinal);
        var url = Url(text);
        Assert.StartsWith(PublicBase + "/calendar/", url, StringComparison.Ordinal);

        using var feed = await _host.Client.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", feed.Content.Headers.ContentType?.ToString());
        Assert.Contains("BEGIN:VTIMEZONE", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_JapaneseUser_GetsJapaneseAndResetRevokes()
    {
        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0CALJA1", "U0CALJA", "1on1 calendar"));
        var first = await _host.Slack.WaitForCallAsync("chat.postMessage", c => ((string?)c.Body["text"])?.Contains("非公開アドレス", StringComparison.Ordinal) == true);
        var old = Url((string)first.Body["text"]!);

        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0CALJA2", "U0CALJA", "1on1 calendar reset"));
        var reset = await _host.Slack.WaitForCallAsync("chat.postMessage", c => ((string?)c.Body["text"])?.Contains("古いカレンダーアドレスを無効にしました。", StringComparison.Ordinal) == true);
        var fresh = Url((string)reset.Body["text"]!);

        Assert.Contains("（UTC）", (string)first.Body["text"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync(new Uri(old).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync(new Uri(fresh).PathAndQuery)).StatusCode);
    }

    private static string Url(string text) => UrlPattern().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException("no address in: " + text);

    [GeneratedRegex(@"https://coachbot\.example\.com/calendar/[A-Za-z0-9_-]{43}\.ics")]
    private static partial Regex UrlPattern();
}
