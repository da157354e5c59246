using System.Net;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using CoachBot.Storage;
using CoachBot.Testing;
using IcalCalendar = Ical.Net.Calendar;

namespace CoachBot.Host.Tests.Calendar;

/// <summary>
/// <c>1on1 calendar</c> on the local channel and <c>GET /calendar/{token}.ics</c> over real HTTP, on the real stores
/// (Azurite): the feed follows the pairing, a reset revokes, a bad token changes nothing, forget me closes it.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed partial class CalendarFeedHttpTests
{
    private readonly AzuriteFixture _azurite;

    public CalendarFeedHttpTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Feed_FollowsRescheduleTheResetAndForgetMe_OverHttp()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var (manager, report) = await PairAsync(client);

        var reply = (await client.SendAsync(report, "1on1 calendar")).AllText();
        var url = Url(reply);
        Assert.StartsWith("/calendar/", url, StringComparison.Ordinal);

        using (var response = await client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.True(response.Headers.CacheControl?.NoStore);
            var calendar = IcalCalendar.Load(await response.Content.ReadAsStringAsync())!;
            Assert.NotEmpty(calendar.Events);
            Assert.All(calendar.Events, e => Assert.Equal($"1-on-1 with {manager} (@{manager})", e.Summary));
            Assert.All(calendar.Events, e => Assert.Equal(DayOfWeek.Tuesday, e.DtStart!.DayOfWeek));
        }

        await client.SendAsync(manager, $"1on1 reschedule @{report} fri 11:00");
        Assert.All((await FeedAsync(client, url)).Events, e => Assert.Equal((DayOfWeek.Friday, 11), (e.DtStart!.DayOfWeek, e.DtStart.Hour)));
        await client.SendAsync(report, $"1on1 pause @{manager}");
        Assert.Empty((await FeedAsync(client, url)).Events);
        await client.SendAsync(report, $"1on1 resume @{manager}");
        Assert.NotEmpty((await FeedAsync(client, url)).Events);

        var reset = Url((await client.SendAsync(report, "1on1 calendar reset")).AllText());
        Assert.NotEqual(url, reset);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.NotEmpty((await FeedAsync(client, reset)).Events);

        await client.SendAsync(manager, $"1on1 end @{report}");
        Assert.Empty((await FeedAsync(client, reset)).Events);

        await client.SendAsync(report, "forget me yes");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(reset)).StatusCode);
        Assert.Empty(await RowsAsync(app.TablePrefix));
    }

    [Theory]
    [InlineData("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")]
    [InlineData("/calendar/short.ics")]
    [InlineData("/calendar/{0}")]
    [InlineData("/calendar/{0}x.ics")]
    [InlineData("/calendar/{0}.ICS")]
    public async Task Feed_BadToken_Is404AndChangesNothing(string path)
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var (_, report) = await PairAsync(client);
        var url = Url((await client.SendAsync(report, "1on1 calendar")).AllText());
        var token = url["/calendar/".Length..^".ics".Length];
        var before = await RowsAsync(app.TablePrefix);

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, token));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("1on1 calendar reset", body, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VCALENDAR", body, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync(app.TablePrefix));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Calendar_LocalChannel_AnswersInEnglishAndJapanese()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var (manager, report) = await PairAsync(client);
        await client.SendAsync(report, "settings language ja");

        var en = (await client.SendAsync(manager, "1on1 calendar")).AllText();
        var ja = (await client.SendAsync(report, "1on1 calendar")).AllText();
        var jaAgain = (await client.SendAsync(report, "1on1 カレンダー")).AllText();

        Assert.Contains("Here is the private address of your 1-on-1 calendar:", en, StringComparison.Ordinal);
        Assert.Contains("1on1 カレンダーの非公開アドレスです：", ja, StringComparison.Ordinal);
        Assert.Contains("すでに発行済みです", jaAgain, StringComparison.Ordinal);
        var feed = await FeedAsync(client, Url(ja));
        Assert.All(feed.Events, e => Assert.Equal($"{manager} (@{manager}) さんとの 1on1", e.Summary));
    }

    private static async Task<(string Manager, string Report)> PairAsync(HttpClient client)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var manager = "mgr-" + suffix;
        var report = "rep-" + suffix;
        await client.OnboardAsync(manager);
        await client.OnboardAsync(report);
        await client.SendAsync(manager, $"1on1 setup @{report} weekly tue 15:00");
        await client.SendAsync(report, "1on1 accept");
        return (manager, report);
    }

    private static async Task<IcalCalendar> FeedAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return IcalCalendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    private static string Url(string text) => UrlPattern().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException("no address in: " + text);

    /// <summary>Every row of this app's CalendarFeeds table, keys and columns, in order.</summary>
    private async Task<List<string>> RowsAsync(string tablePrefix)
    {
        var table = new TableClient(_azurite.ConnectionString, tablePrefix + StorageTableNames.CalendarFeeds);
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            rows.Add(string.Join("|", entity.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")));
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"/calendar/[A-Za-z0-9_-]{43}\.ics")]
    private static partial Regex UrlPattern();
}
