using System.Net;
using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Host.Tests;

/// <summary>
/// <c>team health</c> and <c>share</c> on the local channel with the real stores (Azurite): the team is the members of
/// the lead's reflection channel and the reports of their pairings, the reports' practice is read from the Practice table, the weeks are frozen in the TeamHealth
/// table, and every chart link serves a PNG.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class LocalTeamHealthTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly AzuriteFixture _azurite;

    public LocalTeamHealthTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task TeamHealth_ThreePeople_English_ShowsAggregatesWithChartsThenHidesThemWhenOneShares()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var (lead, members) = await TeamWithHistoryAsync(app, client);

        var health = await client.SendAsync(lead, "team health");

        var text = health.AllText();
        Assert.Contains("Your team: 3 people", text, StringComparison.Ordinal);
        Assert.Contains("36 practices logged over 12 weeks", text, StringComparison.Ordinal);
        Assert.Contains("Outside what CoachBot sees", text, StringComparison.Ordinal);
        Assert.All(members, m => Assert.DoesNotContain(m, text, StringComparison.Ordinal));
        var urls = health[0]!["sections"]!.AsArray().Select(s => s?["image"]?["url"]?.GetValue<string>()).OfType<string>().ToList();
        // Practice balance, and 1-on-1 cadence from the reports' pairings.
        Assert.Equal(2, urls.Count);
        foreach (var url in urls)
        {
            Assert.StartsWith("/charts/health/", url, StringComparison.Ordinal);
            var chart = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
            Assert.Equal(PngSignature, (await chart.Content.ReadAsByteArrayAsync()).Take(PngSignature.Length));
            Assert.Contains("no-store", chart.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }

        var share = await client.SendAsync(members[0], "share");
        var after = (await client.SendAsync(lead, "team health")).AllText();

        Assert.Contains("now see your own numbers", share.AllText(), StringComparison.Ordinal);
        Assert.Contains("Shared by the person themselves", after, StringComparison.Ordinal);
        Assert.DoesNotContain("practices logged over 12 weeks", after, StringComparison.Ordinal);
        var frozen = await app.Services.GetRequiredService<ITeamHealthStore>().GetWeeksAsync(
            Local(lead), [.. TeamHealthService.WeekMondays(Today(app)).Select(TeamHealthService.WeekId)], CancellationToken.None);
        Assert.Equal(TeamHealthService.Weeks, frozen.Count);
    }

    [Fact]
    public async Task TeamHealth_TwoPeople_Japanese_ExplainsWhyAndShareWorksInJapanese()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var (lead, members) = await TeamAsync(client, 2);
        await client.SendAsync(lead, "settings language ja");
        await client.SendAsync(members[0], "settings language ja");
        await PracticeInPastWeeksAsync(app, members);

        var health = (await client.SendAsync(lead, "team health")).AllText();
        var share = (await client.SendAsync(members[0], "share")).AllText();
        var off = (await client.SendAsync(members[0], "share off")).AllText();

        Assert.Contains("チームの集計は3人以上から表示します。あなたのチームは2人", health, StringComparison.Ordinal);
        Assert.DoesNotContain("12週間で記録された実践", health, StringComparison.Ordinal);
        Assert.Contains("share off でいつでも取り消せます", share, StringComparison.Ordinal);
        Assert.Contains("あなた自身の数字は表示されず", off, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthChartUrl_Tampered_Is404()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var links = app.Services.GetRequiredService<ITeamHealthChartLinks>();
        var url = links.CreateUrl(Local("lead"), "en", HealthIndicatorIds.PracticeBalance);
        var dot = url.IndexOf('.', StringComparison.Ordinal);
        var tampered = url[..(dot - 1)] + (url[dot - 1] == 'A' ? 'B' : 'A') + url[dot..];
        var progressToken = app.Services.GetRequiredService<IProgressChartLinks>().CreateUrl(Local("lead"), "en")
            .Replace("/charts/progress/", "/charts/health/", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(progressToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task HealthChart_FetchedAgain_IsNotDrawnAgain_AndANewThemeOrNewFiguresAre()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var (lead, members) = await TeamWithHistoryAsync(app, client);
        var renderer = app.Services.GetRequiredService<TeamHealthChartRenderer>();
        var links = app.Services.GetRequiredService<ITeamHealthChartLinks>();
        var url = links.CreateUrl(Local(lead), "en", HealthIndicatorIds.PracticeBalance);
        var before = renderer.Renders;

        var first = await client.GetByteArrayAsync(url);
        var again = await client.GetByteArrayAsync(url);
        Assert.Equal(before + 1, renderer.Renders);
        Assert.Equal(first, again);

        await client.GetByteArrayAsync(url + "?theme=dark");
        Assert.Equal(before + 2, renderer.Renders);
        await client.GetByteArrayAsync(url + "?theme=dark");
        Assert.Equal(before + 2, renderer.Renders);

        // One member shares: the team figure hides, so the chart is a new drawing, not the cached one.
        await client.SendAsync(members[0], "share");
        var shared = await client.GetByteArrayAsync(url);
        Assert.Equal(before + 3, renderer.Renders);
        Assert.NotEqual(first, shared);
    }

    /// <summary>
    /// Three members and their lead in a new channel with its reflection on, the members reports of the lead's pairings
    /// and with practice logged in every week shown.
    /// </summary>
    private static async Task<(string Lead, string[] Members)> TeamWithHistoryAsync(CoachBotApp app, HttpClient client)
    {
        var (lead, members) = await TeamAsync(client, 3);
        await ReportsAsync(app, lead, members);
        await PracticeInPastWeeksAsync(app, members);
        return (lead, members);
    }

    /// <summary>A lead and <paramref name="size"/> members, all seen in a new channel whose reflection the lead turns on.</summary>
    private static async Task<(string Lead, string[] Members)> TeamAsync(HttpClient client, int size)
    {
        var channel = "#health-" + Guid.NewGuid().ToString("N")[..8];
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var lead = "lead-" + suffix;
        var members = Enumerable.Range(0, size).Select(i => $"m{i}-{suffix}").ToArray();
        foreach (var user in members.Prepend(lead))
        {
            await client.OnboardAsync(user);
            await client.SendInChannelAsync(user, channel, "hello team");
        }

        var on = await client.SendAsync(lead, $"team reflection on {channel} Fri 16:00");
        Assert.False(on[0]!["isError"]!.GetValue<bool>(), on.AllText());
        return (lead, members);
    }

    /// <summary>Makes the members reports of pairings with the lead, accepted before the weeks shown.</summary>
    private static async Task ReportsAsync(CoachBotApp app, string lead, IEnumerable<string> members)
    {
        var store = app.Services.GetRequiredService<IOneOnOneStore>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var accepted = now.AddDays(-7 * (TeamHealthService.Weeks + 2));
        foreach (var member in members)
        {
            await store.SavePairingAsync(
                new Pairing("p-" + member, Local(lead), Local(member), Cadence.Weekly, DayOfWeek.Wednesday, new TimeOnly(10, 0), "UTC", DateOnly.FromDateTime(accepted.UtcDateTime), PairingState.Active)
                {
                    CreatedAt = accepted,
                    AcceptedAt = accepted,
                    UpdatedAt = accepted,
                },
                CancellationToken.None);
        }
    }

    private static UserRef Local(string id) => new("local", "local", id);

    private static DateOnly Today(CoachBotApp app) => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    private static async Task PracticeInPastWeeksAsync(CoachBotApp app, IEnumerable<string> members)
    {
        var progress = app.Services.GetRequiredService<IProgressStore>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var mondays = TeamHealthService.WeekMondays(Today(app));
        foreach (var member in members)
        {
            var user = Local(member);
            foreach (var monday in mondays)
            {
                await progress.AddAsync(new PracticeEntry(user, $"p-{monday:yyyyMMdd}", monday.AddDays(2), "management", null, null, now), CancellationToken.None);
            }
        }
    }
}
