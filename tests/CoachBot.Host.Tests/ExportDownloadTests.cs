using System.Net;
using System.Net.Http.Json;
using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using CoachBot.Host.Exports;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Host.Tests;

/// <summary>
/// The export file as each download path serves it over real HTTP: the local channel's link, and the signed
/// <c>/exports/{token}</c> link that Teams gets (made here by the host's own link service).
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class ExportDownloadTests
{
    private readonly AzuriteFixture _azurite;

    public ExportDownloadTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task LocalExport_Download_HoldsEveryRecord()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var user = "exp-" + Guid.NewGuid().ToString("N")[..10];
        var sample = await ExportSample.SeedAsync(app.Services, new UserRef("local", "local", user));

        var replies = await client.SendAsync(user, "export");

        Assert.Contains("is attached", replies.AllText(), StringComparison.Ordinal);
        var url = replies[0]!["attachments"]![0]!["url"]!.GetValue<string>();
        using var download = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        sample.AssertComplete(await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetExport_GenuineLink_ServesTheUsersWholeFile_AsAnUncachedAttachment()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var user = new UserRef("msteams", "tenant-1", "29:" + Guid.NewGuid().ToString("N"));
        var sample = await ExportSample.SeedAsync(app.Services, user);
        var token = app.Services.GetRequiredService<SignedExportLinks>().CreateToken(user, "en");

        using var download = await client.GetAsync(SignedExportLinks.RoutePrefix + token);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(download.Headers.CacheControl?.NoStore, "a personal export must not be cached");
        sample.AssertComplete(await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetExport_ReplayedAfterTheLinkExpired_Returns410SayingToTypeExportAgain()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var user = new UserRef("msteams", "tenant-1", "29:" + Guid.NewGuid().ToString("N"));
        var url = SignedExportLinks.RoutePrefix + app.Services.GetRequiredService<SignedExportLinks>().CreateToken(user, "ja");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        (await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 15 })).EnsureSuccessStatusCode();
        using var replay = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.True(replay.Headers.CacheControl?.NoStore);
        Assert.Contains("export", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("期限切れ", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetExport_ForgedAlteredOrChartToken_Returns404WithoutData()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var user = new UserRef("msteams", "tenant-1", "29:" + Guid.NewGuid().ToString("N"));
        await ExportSample.SeedAsync(app.Services, user);
        var genuine = app.Services.GetRequiredService<SignedExportLinks>().CreateToken(user, "en");
        var chart = app.Services.GetRequiredService<SignedProgressChartLinks>().CreateToken(user, "en");
        var altered = (genuine[0] == 'A' ? "B" : "A") + genuine[1..];

        foreach (var token in new[] { altered, chart, "not-a-token", new string('A', 5000) })
        {
            using var response = await client.GetAsync(SignedExportLinks.RoutePrefix + token);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("Type export", body, StringComparison.Ordinal);
            Assert.DoesNotContain(user.UserId, body, StringComparison.Ordinal);
        }
    }
}
