using System.Net;
using CoachBot.Testing;

namespace CoachBot.Host.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class ProgressChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly AzuriteFixture _azurite;

    public ProgressChartTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task OnboardTodayDoneProgress_ShowsStreakOneAndAChartThatIsAPng()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.TravelToAWorkingDayAsync();
        await client.OnboardAsync("mia");
        await client.SendAsync("mia", "today");
        await client.SendAsync("mia", "done Ran the retro");

        var progress = await client.SendAsync("mia", "progress");

        Assert.Contains("1 working day in a row", progress.AllText(), StringComparison.Ordinal);
        var url = progress[0]!["sections"]!.AsArray().Select(s => s?["image"]?["url"]?.GetValue<string>()).Single(u => u is not null)!;
        Assert.StartsWith("/charts/progress/", url, StringComparison.Ordinal);
        var chart = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
        var bytes = await chart.Content.ReadAsByteArrayAsync();
        Assert.Equal(PngSignature, bytes.Take(PngSignature.Length));
        Assert.Contains("no-store", chart.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChartUrl_Tampered_Is404WithAShortMessage()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("noa");
        var progress = await client.SendAsync("noa", "progress");
        var url = progress[0]!["sections"]!.AsArray().Select(s => s?["image"]?["url"]?.GetValue<string>()).Single(u => u is not null)!;
        var dot = url.IndexOf('.', StringComparison.Ordinal);
        var tampered = url[..(dot - 1)] + (url[dot - 1] == 'A' ? 'B' : 'A') + url[dot..];

        var response = await client.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("expired or is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/charts/progress/garbage.png")).StatusCode);
    }

    [Fact]
    public async Task SkillsThenProgress_ShowsTheAssessment()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("ola");

        var saved = await client.SendAsync("ola", "skills 3 2 4 3 2");
        var progress = await client.SendAsync("ola", "progress");

        Assert.Contains("Saved your self-assessment", saved.AllText(), StringComparison.Ordinal);
        Assert.Contains(": 4", progress.AllText(), StringComparison.Ordinal);
    }
}
