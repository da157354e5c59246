using System.Text.Json.Nodes;
using CoachBot.Teams.Cards;
using CoachBot.Testing;

namespace CoachBot.Teams.Tests.Cards;

/// <summary>The lead's team health as a Teams Adaptive Card: valid, a chart per indicator, in both languages.</summary>
public sealed class TeamHealthCardTests
{
    private readonly AdaptiveCardRenderer _renderer = new();

    [Theory]
    [InlineData("en", "Team health", "1-on-1 consistency")]
    [InlineData("ja", "チームの健全性", "5つのアクションの実践バランス")]
    public void TeamHealth_RendersOneValidCardWithAChartPerIndicator(string language, string title, string indicator)
    {
        var activity = _renderer.RenderMessage(TeamHealthSample.Reply(language));

        var card = Assert.IsType<JsonObject>(Assert.Single(activity.Attachments!).Content);
        Assert.Empty(AdaptiveCardValidator.Validate(card));
        var json = card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(title, json, StringComparison.Ordinal);
        Assert.Contains(indicator, json, StringComparison.Ordinal);
        var images = JsonWalk.Objects(card).Where(n => (string?)n["type"] == "Image").Select(i => (string?)i["url"]).ToList();
        Assert.Equal(5, images.Count);
        Assert.All(images, url => Assert.StartsWith("https://coachbot.example.test/charts/health/", url, StringComparison.Ordinal));
    }
}
