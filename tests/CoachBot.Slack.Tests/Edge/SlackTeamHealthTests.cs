using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Core.Health;
using CoachBot.Core.Users;
using CoachBot.Slack.BlockKit;
using CoachBot.Testing;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>
/// <c>/coach team health</c> over real HTTP with Slack's signature, in English and Japanese: a lead of three sees the
/// team's figures with a chart image per indicator that the host serves, a lead of two sees none.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackTeamHealthTests : IAsyncLifetime
{
    private const string PublicBase = "https://coachbot.example.com";

    private readonly AzuriteFixture _azurite;
    private SlackHost _host = null!;

    public SlackTeamHealthTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync() =>
        _host = await SlackHost.StartAsync(_azurite, new Dictionary<string, string?> { ["Charts:PublicBaseUrl"] = PublicBase });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public async Task TeamHealth_LeadOfThree_GetsFiguresWithChartsTheHostServes(string language)
    {
        var lead = await SeedAsync(language, 3);

        var message = await CommandAsync(lead, "team health");

        var strings = TestContent.Library.For(language).Strings;
        var blocks = Assert.IsType<JsonArray>(message["blocks"]);
        Assert.Empty(BlockKitLimits.Check(blocks, BlockKitLimits.MessageSurface));
        Assert.Contains(strings.Format("health.title"), JsonWalk.Text(message), StringComparison.Ordinal);
        var images = blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "image").Select(b => ((string)b["image_url"]!, (string?)b["alt_text"])).ToList();
        await ChartImages.AssertServedAsync(_host.Client, images, PublicBase + "/charts/health/");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public async Task TeamHealth_LeadOfTwo_SeesNoFigureAndNoChart(string language)
    {
        var lead = await SeedAsync(language, 2);

        var message = await CommandAsync(lead, "team health");

        var expected = TestContent.Library.For(language).Strings.Format("health.too_small", ("min", HealthAggregation.MinPeople), ("count", 2));
        Assert.Contains(expected, JsonWalk.Text(message), StringComparison.Ordinal);
        Assert.DoesNotContain(message["blocks"]!.AsArray().OfType<JsonObject>(), b => (string?)b["type"] == "image");
    }

    private async Task<string> SeedAsync(string language, int size)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var lead = "U0LEAD" + suffix;
        var reports = Enumerable.Range(0, size).Select(i => new UserRef("slack", SlackHost.Team, $"U0R{i}{suffix}")).ToList();
        await TeamHealthSeed.SeedAsync(_host.Services, new UserRef("slack", SlackHost.Team, lead), reports, language);
        return lead;
    }

    private async Task<JsonObject> CommandAsync(string user, string text)
    {
        using var response = await _host.PostCommandAsync(SlackPayloads.Command(user, text, _host.Slack.ResponseUrl("cmd").ToString(), triggerId: $"trigger-{Guid.NewGuid():N}"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/coach {text} -> {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
