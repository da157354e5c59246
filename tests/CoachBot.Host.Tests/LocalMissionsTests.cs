using System.Net.Http.Json;
using CoachBot.Testing;

namespace CoachBot.Host.Tests;

/// <summary>`missions`, `missions focus` and the focus-weighted `today` through the local channel, in en and ja.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class LocalMissionsTests
{
    private readonly AzuriteFixture _azurite;

    public LocalMissionsTests(AzuriteFixture azurite) => _azurite = azurite;

    [Theory]
    [InlineData("en", "The six missions of a VPoE", "Run a fair evaluation system", "Your focus is now", "Today's step: ")]
    [InlineData("ja", "VPoE の6つのミッション", "評価制度の設計と運用", "に注力します", "今日のステップ：")]
    public async Task Missions_FocusAndToday_WorkOnTheLocalChannel(string language, string title, string evaluation, string focusSet, string todayTitle)
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var user = "missions-" + language + "-" + Guid.NewGuid().ToString("N")[..8];
        await client.OnboardAsync(user);
        await client.SendAsync(user, "settings language " + language);
        await client.TravelToAWorkingDayAsync();

        var list = await client.SendAsync(user, "missions");
        var reply = Assert.Single(list);
        Assert.Contains(title, reply.Text(), StringComparison.Ordinal);
        Assert.Equal(7, reply!["sections"]!.AsArray().Count);
        Assert.Equal(6, reply["buttons"]!.AsArray().Count(b => b!["actionId"]!.GetValue<string>() == "missions.show"));

        var detail = Assert.Single(await client.PressAsync(user, "missions.show", new { mission = "evaluation" }));
        Assert.Contains(evaluation, detail.Text(), StringComparison.Ordinal);

        var focus = Assert.Single(await client.SendAsync(user, "missions focus evaluation"));
        Assert.Contains(focusSet, focus.Text(), StringComparison.Ordinal);

        // Wednesday and Thursday are consecutive working days: exactly one of them is a focus day, and on that one the
        // day's step is one of the evaluation mission's own steps.
        var wednesday = await TodayTitleAsync(client, user, todayTitle);
        (await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = 24 * 60 })).EnsureSuccessStatusCode();
        var thursday = await TodayTitleAsync(client, user, todayTitle);
        Assert.Single(new[] { wednesday, thursday }, t => t == todayTitle + evaluation);

        var off = Assert.Single(await client.SendAsync(user, "missions focus off"));
        Assert.False(off!["isError"]!.GetValue<bool>());
        Assert.DoesNotContain(evaluation, Assert.Single(await client.SendAsync(user, "missions"))!["sections"]![0]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missions_UnknownMission_IsAClearError()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("mira");

        var reply = Assert.Single(await client.SendAsync("mira", "missions marketing"));

        Assert.True(reply!["isError"]!.GetValue<bool>());
        Assert.Contains("I don't know the mission \"marketing\"", reply.Text(), StringComparison.Ordinal);
    }

    private static async Task<string> TodayTitleAsync(HttpClient client, string user, string prefix)
    {
        var reply = Assert.Single(await client.SendAsync(user, "today"));
        var sectionTitle = reply!["sections"]![0]!["title"]!.GetValue<string>();
        Assert.StartsWith(prefix, sectionTitle, StringComparison.Ordinal);
        return sectionTitle;
    }
}
