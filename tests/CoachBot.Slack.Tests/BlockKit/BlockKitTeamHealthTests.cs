using CoachBot.Slack.BlockKit;
using CoachBot.Testing;

namespace CoachBot.Slack.Tests.BlockKit;

/// <summary>The lead's team health as a Slack message: valid blocks, a chart per indicator, nothing but aggregates and the sharer.</summary>
public sealed class BlockKitTeamHealthTests
{
    private readonly BlockKitRenderer _renderer = new();

    [Theory]
    [InlineData("en", "Team health", "Outside what CoachBot sees")]
    [InlineData("ja", "チームの健全性", "CoachBot では把握できない指標")]
    public void TeamHealth_RendersValidBlocksWithAChartPerIndicator(string language, string title, string outside)
    {
        var message = _renderer.RenderMessage("D1", TeamHealthSample.Reply(language));

        var blocks = message.Blocks!;
        BlockKitMessageTests.AssertValid(blocks);
        var json = blocks.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(title, json, StringComparison.Ordinal);
        Assert.Contains(outside, json, StringComparison.Ordinal);
        var images = blocks.Where(b => (string?)b!["type"] == "image").Select(b => (string?)b!["image_url"]).ToList();
        Assert.Equal(5, images.Count);
        Assert.All(images, url => Assert.StartsWith("https://coachbot.example.test/charts/health/", url, StringComparison.Ordinal));
        Assert.Contains("Mia", json, StringComparison.Ordinal);
        Assert.DoesNotContain("U2", json, StringComparison.Ordinal);
    }

    [Fact]
    public void TeamHealth_AsAHomeTab_IsValid()
    {
        var view = _renderer.RenderHome(TeamHealthSample.Reply("en"));

        Assert.Empty(BlockKitLimits.Check(view["blocks"]!.AsArray(), BlockKitLimits.HomeSurface));
    }
}
