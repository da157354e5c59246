using System.Net;
using System.Net.Http.Json;
using CoachBot.Core.Habits;
using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using CoachBot.Host.Local;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CoachBot.Host.Tests;

/// <summary>
/// The missions chart over real HTTP on the local channel: the overview links it, the link serves a PNG drawn for the
/// user it names (cached while nothing changes), and a tampered, foreign-kind or expired link is 404.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class LocalMissionChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly AzuriteFixture _azurite;

    public LocalMissionChartTests(AzuriteFixture azurite) => _azurite = azurite;

    [Theory]
    [InlineData("en", "Bar chart of your 6 missions")]
    [InlineData("ja", "6つのミッションの棒グラフです。")]
    public async Task Missions_FirstSectionLinksAChartThatIsAPng_CachedUntilAStepIsDone(string language, string alt)
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var user = "mchart-" + language + "-" + Guid.NewGuid().ToString("N")[..8];
        await client.OnboardAsync(user);
        await client.SendAsync(user, "settings language " + language);
        var renderer = app.Services.GetRequiredService<MissionChartRenderer>();

        var reply = Assert.Single(await client.SendAsync(user, "missions"));
        var image = reply!["sections"]![0]!["image"]!;
        var url = image["url"]!.GetValue<string>();
        Assert.StartsWith(SignedMissionChartLinks.RoutePrefix, url, StringComparison.Ordinal);
        Assert.StartsWith(alt, image["altText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, reply["sections"]!.AsArray().Count(s => s?["image"] is not null));
        var before = renderer.Renders;

        using var chart = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", chart.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var first = await chart.Content.ReadAsByteArrayAsync();
        Assert.Equal(PngSignature, first.Take(PngSignature.Length));
        using (var bitmap = SKBitmap.Decode(first))
        {
            Assert.Equal((MissionChartRenderer.Width, MissionChartRenderer.HeightFor(6)), (bitmap.Width, bitmap.Height));
        }

        Assert.Equal(first, await client.GetByteArrayAsync(url));
        Assert.Equal(before + 1, renderer.Renders);

        // A mission step done changes what is drawn: the same link draws it anew.
        var step = app.Services.GetRequiredService<Content.Model.ContentLibrary>().For(language).FindMission("evaluation")!.Steps[0];
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await app.Services.GetRequiredService<IProgressStore>().AddAsync(
            new PracticeEntry(new UserRef(LocalChannel.Name, LocalChannel.Tenant, user), "p-" + step.Id, DateOnly.FromDateTime(now.UtcDateTime.AddDays(-1)), step.ActionId, step.Id, null, now),
            CancellationToken.None);
        var changed = await client.GetByteArrayAsync(url);
        Assert.Equal(before + 2, renderer.Renders);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public async Task MissionChartUrl_TamperedOtherKindOrExpired_Is404()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("mina");
        var url = Assert.Single(await client.SendAsync("mina", "missions"))!["sections"]![0]!["image"]!["url"]!.GetValue<string>();
        var dot = url.IndexOf('.', StringComparison.Ordinal);
        var tampered = url[..(dot - 1)] + (url[dot - 1] == 'A' ? 'B' : 'A') + url[dot..];
        var progress = app.Services.GetRequiredService<IProgressChartLinks>().CreateUrl(new UserRef(LocalChannel.Name, LocalChannel.Tenant, "mina"), "en")
            .Replace(SignedProgressChartLinks.RoutePrefix, SignedMissionChartLinks.RoutePrefix, StringComparison.Ordinal);
        var asProgress = url.Replace(SignedMissionChartLinks.RoutePrefix, SignedProgressChartLinks.RoutePrefix, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        using var bad = await client.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        Assert.Contains("expired or is not valid", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(progress)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(asProgress)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(SignedMissionChartLinks.RoutePrefix + "garbage.png")).StatusCode);

        (await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 24 * 60 })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }
}
