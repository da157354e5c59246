using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using CoachBot.Host.Local;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests;

/// <summary>Chart drawings are cached per user and data, and limited per user, over real HTTP in local mode.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class ChartRenderLimitTests
{
    private readonly AzuriteFixture _azurite;

    public ChartRenderLimitTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task GetChart_PastTheUsersDrawingBudget_Returns429WithRetryAfter_AndOthersAreStillServed()
    {
        await using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?>
        {
            ["Charts:RenderCacheEntries"] = "0", ["Charts:RendersPerUserPerMinute"] = "2",
        });
        var client = app.CreateClient();
        var mia = await ChartUrlAsync(client, "mia");
        var noah = await ChartUrlAsync(client, "noah");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(mia)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(mia)).StatusCode);
        using var third = await client.GetAsync(mia);
        using var other = await client.GetAsync(noah);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var retryAfter = third.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Contains("Try again in", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        (await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 1 })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(mia)).StatusCode);
    }

    [Fact]
    public async Task GetChart_UnchangedDataFetchedAgain_IsServedFromTheCache_AndNewDataIsDrawnWithinTheBudget()
    {
        await using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?> { ["Charts:RendersPerUserPerMinute"] = "1" });
        var client = app.CreateClient();
        var url = await ChartUrlAsync(client, "ola");

        using var first = await client.GetAsync(url);
        using var again = await client.GetAsync(url);
        await client.SendAsync("ola", "done Ran the retro");
        using var changed = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());

        // New data means a new drawing, and the budget of one per minute is spent already.
        Assert.Equal(HttpStatusCode.TooManyRequests, changed.StatusCode);
    }

    [Fact]
    public async Task GetChart_SameLocalDayFetchedAgain_IsServedFromTheCache_AndTheNextLocalDayIsDrawnAnew()
    {
        await using var app = new CoachBotApp(_azurite, settings: new Dictionary<string, string?> { ["Charts:RendersPerUserPerMinute"] = "1" });
        var client = app.CreateClient();
        await client.TravelToAWorkingDayAsync();
        var url = await ChartUrlAsync(client, "pia");
        await client.SendAsync("pia", "done Ran the retro");
        var limiter = app.Services.GetRequiredService<ChartRenderLimiter>();
        var pia = new UserRef(LocalChannel.Name, LocalChannel.Tenant, "pia");

        // With the user's drawing budget spent, only a cached chart can be served (a drawing would be 429).
        using var first = await client.GetAsync(url);
        (await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 120 })).EnsureSuccessStatusCode();
        Assert.True(limiter.TryAcquire(pia, out _));
        using var laterThatDay = await client.GetAsync(url);

        // 14:00 to 01:00 the next day (UTC, the user's zone): a new local day, and the link (24 h) still works.
        (await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 11 * 60 })).EnsureSuccessStatusCode();
        Assert.True(limiter.TryAcquire(pia, out _));
        using var nextDaySpent = await client.GetAsync(url);
        (await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 1 })).EnsureSuccessStatusCode();
        using var nextDay = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, laterThatDay.StatusCode);
        var drawn = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(drawn, await laterThatDay.Content.ReadAsByteArrayAsync());

        // The next local day needs a new drawing (the calendar ends on the new today): refused while the budget is
        // spent, drawn once it is back, and different from yesterday's.
        Assert.Equal(HttpStatusCode.TooManyRequests, nextDaySpent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
        Assert.NotEqual(drawn, await nextDay.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetChart_ThemeDark_IsTheDarkCard_AndAnythingElseIsTheLightOne()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var url = await ChartUrlAsync(client, "quinn");

        var light = await client.GetByteArrayAsync(url);
        var dark = await client.GetByteArrayAsync(url + "?theme=dark");
        var unknown = await client.GetByteArrayAsync(url + "?theme=purple");

        using var lightBitmap = SkiaSharp.SKBitmap.Decode(light);
        using var darkBitmap = SkiaSharp.SKBitmap.Decode(dark);
        Assert.Equal(ChartPalette.Light.Card, lightBitmap.GetPixel(1, 1));
        Assert.Equal(ChartPalette.Dark.Card, darkBitmap.GetPixel(1, 1));
        Assert.Equal(light, unknown);
    }

    [Fact]
    public async Task CacheKey_ChangesWithTheLocalDayTheThemeAndTheData_AndOnlyThen()
    {
        var today = await ChartSamples.ReportAsync();
        var sameAgain = await ChartSamples.ReportAsync();
        var tomorrow = await ChartSamples.ReportAsync(today: ChartSamples.Today.AddDays(1));
        var user = ChartSamples.User;
        var key = ChartRenderCache.KeyFor(user, "en", ChartTheme.Light, today);

        Assert.Equal(key, ChartRenderCache.KeyFor(user, "en", ChartTheme.Light, sameAgain));
        Assert.NotEqual(key, ChartRenderCache.KeyFor(user, "en", ChartTheme.Light, tomorrow));
        Assert.NotEqual(key, ChartRenderCache.KeyFor(user, "en", ChartTheme.Dark, today));
        Assert.NotEqual(key, ChartRenderCache.KeyFor(user, "ja", ChartTheme.Light, today));
        Assert.NotEqual(key, ChartRenderCache.KeyFor(user with { UserId = "other" }, "en", ChartTheme.Light, today));

        // One more practice on a day long past changes only the calendar, and the key with it.
        var calendar = today.Calendar.Select((d, i) => i == 3 ? d with { Practices = d.Practices + 1 } : d).ToList();
        Assert.NotEqual(key, ChartRenderCache.KeyFor(user, "en", ChartTheme.Light, today with { Calendar = calendar }));
        var skills = today.Assessments.Take(today.Assessments.Count - 1).ToList();
        Assert.NotEqual(key, ChartRenderCache.KeyFor(user, "en", ChartTheme.Light, today with { Assessments = skills }));
    }

    [Fact]
    public async Task GetChart_AfterForgetMe_TheSameLinkDrawsTheChartOfSomeoneWithNoData()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.TravelToAWorkingDayAsync();
        var url = await ChartUrlAsync(client, "rio");
        var empty = await client.GetByteArrayAsync(url);
        await client.SendAsync("rio", "done Ran the retro");
        await client.SendAsync("rio", "skills 3 2 4 3 2");
        var full = await client.GetByteArrayAsync(url);

        var question = await client.SendAsync("rio", "forget me");
        var confirm = question[0]!["buttons"]![0]!;
        await client.PressAsync("rio", confirm["actionId"]!.GetValue<string>(), confirm["values"]!.Deserialize<Dictionary<string, string>>());
        var forgotten = await client.GetByteArrayAsync(url);

        Assert.NotEqual(empty, full);
        Assert.Equal(empty, forgotten);
    }

    [Fact]
    public void Cache_PastItsBound_DropsTheLeastRecentlyUsed()
    {
        var cache = new ChartRenderCache(Options.Create(new ChartsOptions { RenderCacheEntries = 2 }));
        cache.Add("a", [1]);
        cache.Add("b", [2]);
        Assert.NotNull(cache.Find("a"));

        cache.Add("c", [3]);

        Assert.NotNull(cache.Find("a"));
        Assert.Null(cache.Find("b"));
        Assert.NotNull(cache.Find("c"));
    }

    private static async Task<string> ChartUrlAsync(HttpClient client, string user)
    {
        await client.OnboardAsync(user);
        var progress = await client.SendAsync(user, "progress");
        return progress[0]!["sections"]!.AsArray().Select(s => s?["image"]?["url"]?.GetValue<string>()).Single(u => u is not null)!;
    }
}
