using CoachBot.Core.Health;
using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Host.Tests;

/// <summary>Missions chart links: signed like the other charts, of their own kind, and expiring after 24 hours.</summary>
public sealed class SignedMissionChartLinksTests
{
    private static readonly UserRef Alice = new("slack", "T1", "U-ALICE");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly IOptions<ChartsOptions> _options = Options.Create(new ChartsOptions { SigningKey = Convert.ToBase64String(new byte[32]), PublicBaseUrl = "https://coach.example.com/" });

    private ChartSigningKey Key => new(_options, NullLogger<ChartSigningKey>.Instance);

    [Fact]
    public void CreateUrl_ReadBack_GivesUserLanguageAndExpiry_AndNothingElse()
    {
        var links = new SignedMissionChartLinks(Key, _clock, _options);

        var url = links.CreateUrl(Alice, "ja");

        const string Prefix = "https://coach.example.com" + SignedMissionChartLinks.RoutePrefix;
        Assert.StartsWith(Prefix, url, StringComparison.Ordinal);
        Assert.EndsWith(".png", url, StringComparison.Ordinal);
        Assert.Equal(new ChartTicket(Alice, "ja", _clock.GetUtcNow() + TimeSpan.FromHours(24)), links.Read(url[Prefix.Length..^".png".Length]));
    }

    [Fact]
    public void Read_TamperedOrSwappedPayload_IsRejected()
    {
        var links = new SignedMissionChartLinks(Key, _clock, _options);
        var token = links.CreateToken(Alice, "en");
        var bob = links.CreateToken(new UserRef("slack", "T1", "U-BOB"), "en");
        var last = token[^2];

        Assert.Null(links.Read(bob.Split('.')[0] + "." + token.Split('.')[1]));
        Assert.Null(links.Read(token[..^2] + (last == 'A' ? 'B' : 'A') + token[^1]));
        Assert.Null(links.Read(token.Split('.')[0]));
        Assert.Null(links.Read("not-a-token"));
    }

    [Fact]
    public void Read_After24Hours_IsRejected()
    {
        var links = new SignedMissionChartLinks(Key, _clock, _options);
        var token = links.CreateToken(Alice, "en");

        _clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.NotNull(links.Read(token));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(links.Read(token));
    }

    [Fact]
    public void Kinds_DoNotOpenEachOther()
    {
        var missions = new SignedMissionChartLinks(Key, _clock, _options);
        var progress = new SignedProgressChartLinks(Key, _clock, _options);
        var health = new SignedTeamHealthChartLinks(Key, _clock, _options);
        var missionToken = missions.CreateToken(Alice, "en");
        var progressToken = progress.CreateToken(Alice, "en");
        var healthToken = health.CreateToken(Alice, "en", HealthIndicatorIds.PracticeBalance);

        Assert.Null(missions.Read(progressToken));
        Assert.Null(missions.Read(healthToken));
        Assert.Null(progress.Read(missionToken));
        Assert.Null(health.Read(missionToken));
        Assert.NotNull(progress.Read(progressToken));
        Assert.NotNull(health.Read(healthToken));
    }

    [Fact]
    public void ProgressToken_IsTheSameJsonAsBeforeKindsWereShared()
    {
        // Links handed out before the shared token code keep opening: the payload has no kind and no item.
        var token = new SignedProgressChartLinks(Key, _clock, _options).CreateToken(Alice, "en");

        var json = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[0]));

        Assert.Equal("{\"C\":\"slack\",\"T\":\"T1\",\"U\":\"U-ALICE\",\"L\":\"en\",\"E\":" + (_clock.GetUtcNow() + TimeSpan.FromHours(24)).ToUnixTimeSeconds() + "}", json);
    }
}
