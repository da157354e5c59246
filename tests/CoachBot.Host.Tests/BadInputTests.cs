using CoachBot.Core.Habits;
using CoachBot.Core.Users;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Host.Tests;

/// <summary>Bad input through the local channel: a clear message that says what to do, and nothing half-saved.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class BadInputTests
{
    private readonly AzuriteFixture _azurite;

    public BadInputTests(AzuriteFixture azurite) => _azurite = azurite;

    private static UserRef Local(string id) => new("local", "local", id);

    [Fact]
    public async Task LogUnknownAction_OffersTheFiveActions_AndStoresNothing()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("lu");

        var replies = await client.SendAsync("lu", "log knitting made a scarf");

        var text = replies.AllText();
        foreach (var action in new[] { "management", "recruiting", "cross_team", "business", "market_value" })
        {
            Assert.Contains(action, text, StringComparison.Ordinal);
        }

        var choices = replies[0]!["form"]!["inputs"]![0]!["choices"]!.AsArray();
        Assert.Equal(5, choices.Count);
        var entries = await app.Services.GetRequiredService<IProgressStore>().ListAsync(Local("lu"), DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None);
        Assert.Empty(entries);
    }

    [Fact]
    public async Task InvalidTimeZone_SuggestsNearestIanaIds_AndChangesNothing()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("tz");

        var replies = await client.SendAsync("tz", "settings timezone Asia/Tokio");

        Assert.Contains("Asia/Tokyo", replies.AllText(), StringComparison.Ordinal);
        Assert.Contains(replies[0]!["buttons"]!.AsArray(), b => b!["label"]!.GetValue<string>().Contains("Asia/Tokyo", StringComparison.Ordinal));
        Assert.Equal("UTC", (await ProfileAsync(app, "tz")).TimeZoneId);
    }

    [Fact]
    public async Task NudgeTime25_IsAClearError_AndChangesNothing()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("nt");

        var replies = await client.SendAsync("nt", "settings time 25:00");

        Assert.Contains("00 to 23", replies.AllText(), StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(9, 0), (await ProfileAsync(app, "nt")).NudgeTime);
    }

    [Fact]
    public async Task PauseDateInThePast_IsAClearError_AndChangesNothing()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("pp");

        var replies = await client.SendAsync("pp", "settings pause 2020-01-31");

        Assert.Contains("already passed", replies.AllText(), StringComparison.Ordinal);
        Assert.Empty((await ProfileAsync(app, "pp")).Pauses);
    }

    [Fact]
    public async Task SettingsFormWithOneBadValue_SavesNoneOfTheOthers()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        await client.OnboardAsync("hs");

        await client.PressAsync("hs", "settings.save", new { nudge_time = "07:15", language = "ja", time_zone = "Mars/Olympus" });

        var profile = await ProfileAsync(app, "hs");
        Assert.Equal((new TimeOnly(9, 0), "en", "UTC"), (profile.NudgeTime, profile.Language, profile.TimeZoneId));
    }

    private static async Task<UserProfile> ProfileAsync(CoachBotApp app, string user) =>
        await app.Services.GetRequiredService<IUserStore>().GetAsync(Local(user), CancellationToken.None)
        ?? throw new InvalidOperationException("no profile");
}
