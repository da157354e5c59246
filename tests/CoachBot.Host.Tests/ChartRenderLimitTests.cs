using System.Net;
using System.Net.Http.Json;
using CoachBot.Host.Charts;
using CoachBot.Testing;
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
