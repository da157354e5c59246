using CoachBot.Core.Health;
using CoachBot.Core.Users;
using CoachBot.Teams.Cards;
using CoachBot.Testing;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// <c>team health</c> in a Teams personal chat, in English and Japanese: a lead of three gets one valid card with the
/// team's figures and a chart image per indicator that the host serves; a lead of two sees no figure and no chart.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TeamsTeamHealthTests : LocalTeamsTests
{
    public TeamsTeamHealthTests(AzuriteFixture azurite)
        : base(azurite)
    {
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public async Task TeamHealth_LeadOfThree_GetsOneValidCardWithChartsTheHostServes(string language)
    {
        var lead = await SeedAsync(language, 3);

        var reply = await SayAsync(lead, "team health");

        var card = Assert.Single(Cards(reply));
        Assert.Empty(AdaptiveCardValidator.Validate(card));
        Assert.Contains(TestContent.Library.For(language).Strings.Format("health.title"), JsonWalk.Text(card), StringComparison.Ordinal);
        var images = JsonWalk.Objects(card).Where(n => (string?)n["type"] == "Image").Select(n => ((string)n["url"]!, (string?)n["altText"])).ToList();
        await ChartImages.AssertServedAsync(Host.Client, images, PublicBase + "/charts/health/");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public async Task TeamHealth_LeadOfTwo_SeesNoFigureAndNoChart(string language)
    {
        var lead = await SeedAsync(language, 2);

        var reply = await SayAsync(lead, "team health");

        var expected = TestContent.Library.For(language).Strings.Format("health.too_small", ("min", HealthAggregation.MinPeople), ("count", 2));
        Assert.Contains(expected, JsonWalk.Text(reply.Body), StringComparison.Ordinal);
        Assert.DoesNotContain(Cards(reply).SelectMany(JsonWalk.Objects), n => (string?)n["type"] == "Image");
    }

    private async Task<string> SeedAsync(string language, int size)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var lead = "29:lead-" + suffix;
        var reports = Enumerable.Range(0, size).Select(i => new UserRef("msteams", TeamsActivities.Tenant, $"29:r{i}-{suffix}")).ToList();
        await TeamHealthSeed.SeedAsync(Host.Services, new UserRef("msteams", TeamsActivities.Tenant, lead), reports, language);
        return lead;
    }
}
