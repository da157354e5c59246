using System.Text.Json.Nodes;
using CoachBot.Core.Users;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Tests.FakeConnector;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>`missions` over Teams: valid Adaptive Cards within their limits in en and ja, and the focus button works.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TeamsMissionsTests : LocalTeamsTests
{
    private const string Alice = "29:missions";

    public TeamsMissionsTests(AzuriteFixture azurite)
        : base(azurite)
    {
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public async Task Missions_OverviewAndDetail_AreValidCardsWithEveryMission(string language)
    {
        await OnboardAsync(Alice, language);

        var overview = await SayAsync(Alice, "missions");
        var detail = await SayAsync(Alice, "missions environment");

        foreach (var reply in new[] { overview, detail })
        {
            var card = Assert.Single(Cards(reply));
            Assert.Empty(AdaptiveCardValidator.Validate(card));
            Assert.All(JsonWalk.Objects(card).Where(n => (string?)n["type"] == "TextBlock"), t => Assert.True(((string?)t["text"])?.Length <= AdaptiveCardLimits.MaxTextLength));
            Assert.True(JsonWalk.Objects(card).Count() < AdaptiveCardLimits.MaxBodyElements * 4);
        }

        var shown = string.Join("\n", JsonWalk.Strings(Assert.Single(Cards(overview))));
        Assert.All(TestContent.Library.For(language).Missions, m =>
        {
            Assert.Contains(m.Title, shown, StringComparison.Ordinal);
            Assert.Contains(m.Practice, shown, StringComparison.Ordinal);
        });
        Assert.Equal(6, Submits(overview).Count(d => (string?)d["coachbot"] == "missions.show"));
        Assert.Contains(Submits(detail), d => (string?)d["coachbot"] == "missions.try");

        // The missions chart: one Image, signed link on the public base, alt text with the numbers.
        var image = Assert.Single(JsonWalk.Objects(Assert.Single(Cards(overview))), n => (string?)n["type"] == "Image");
        Assert.StartsWith(PublicBase + "/charts/missions/", (string?)image["url"], StringComparison.Ordinal);
        Assert.Contains(TestContent.Library.For(language).Missions[0].Title, (string?)image["altText"], StringComparison.Ordinal);
        Assert.DoesNotContain(JsonWalk.Objects(Assert.Single(Cards(detail))), n => (string?)n["type"] == "Image");
    }

    [Fact]
    public async Task FocusButton_SetsTheFocus()
    {
        await OnboardAsync(Alice, "en");
        var detail = await SayAsync(Alice, "missions stakeholders");
        var focus = Submits(detail).First(d => (string?)d["coachbot"] == "missions.focus");

        var pressed = await SendAsync(TeamsActivities.Submit(Connector.ServiceUrl, Alice, focus.DeepClone()));

        Assert.Contains("Your focus is now", pressed.Body?["text"]?.ToString(), StringComparison.Ordinal);
        var profile = await Host.Services.GetRequiredService<IUserStore>().GetAsync(new UserRef("msteams", TeamsActivities.Tenant, Alice), CancellationToken.None);
        Assert.Equal("stakeholders", profile?.MissionFocus);
    }

    private async Task OnboardAsync(string user, string language)
    {
        await SayAsync(user, "start");
        foreach (var (action, value) in new[] { ("onboarding.role", "manager"), ("onboarding.path", "internal"), ("onboarding.time", "09:00"), ("onboarding.days", "mon-fri") })
        {
            await SendAsync(TeamsActivities.Submit(Connector.ServiceUrl, user, new JsonObject { ["coachbot"] = action, ["value"] = value }));
        }

        await SayAsync(user, "settings language " + language);
    }

    private static IEnumerable<JsonObject> Submits(ConnectorRequest request) =>
        Cards(request).SelectMany(c => JsonWalk.Objects(c)).Where(n => (string?)n["type"] == "Action.Submit").Select(n => n["data"]).OfType<JsonObject>();
}
