using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Core.Users;
using CoachBot.Slack.BlockKit;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>`missions` over Slack: the overview and one mission render within Block Kit's limits, and the focus button works.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackMissionsTests : IAsyncLifetime
{
    private const string Alice = "U0MISSIONS";

    /// <summary>Set, so the overview's chart has an absolute URL and Slack gets an image block.</summary>
    private const string PublicBase = "https://coach.example.test";

    private readonly AzuriteFixture _azurite;
    private SlackHost _host = null!;

    public SlackMissionsTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        _host = await SlackHost.StartAsync(_azurite, new Dictionary<string, string?> { ["Charts:PublicBaseUrl"] = PublicBase });
        _host.Slack.AddUser(Alice, tz: "Asia/Tokyo", locale: "en-US");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("en", "The six missions of a VPoE")]
    [InlineData("ja", "VPoE の6つのミッション")]
    public async Task Missions_OverviewAndDetail_StayWithinBlockKitLimits(string language, string title)
    {
        await OnboardAsync(Alice, language);

        var overview = await CommandAsync(Alice, "missions");
        var detail = await CommandAsync(Alice, "missions org_design");

        Assert.Contains(title, (string?)overview["text"], StringComparison.Ordinal);
        foreach (var message in new[] { overview, detail })
        {
            var blocks = Assert.IsType<JsonArray>(message["blocks"]);
            Assert.Empty(BlockKitLimits.Check(blocks, BlockKitLimits.MessageSurface));

            // Nothing cut: the renderer marks a cut with a trailing context block.
            Assert.DoesNotContain(blocks.OfType<JsonObject>(), b => (string?)b["type"] == "context");
        }

        // All six missions reach the message, each with its title and practice text.
        var shown = string.Join("\n", JsonWalk.Strings(overview["blocks"]));
        Assert.All(TestContent.Library.For(language).Missions, m =>
        {
            Assert.Contains(m.Title, shown, StringComparison.Ordinal);
            Assert.Contains(m.Practice, shown, StringComparison.Ordinal);
        });
        Assert.Equal(6, Buttons(overview).Count(b => ((string)b["action_id"]!).StartsWith("missions.show", StringComparison.Ordinal)));
        Assert.Contains(Buttons(detail), b => ((string)b["action_id"]!).StartsWith("missions.try", StringComparison.Ordinal));

        // The missions chart: one image block, signed link on the public base, alt text with the numbers.
        var image = Assert.Single(overview["blocks"]!.AsArray().OfType<JsonObject>(), b => (string?)b["type"] == "image");
        Assert.StartsWith(PublicBase + "/charts/missions/", (string?)image["image_url"], StringComparison.Ordinal);
        Assert.Contains(TestContent.Library.For(language).Missions[0].Title, (string?)image["alt_text"], StringComparison.Ordinal);
        Assert.DoesNotContain(detail["blocks"]!.AsArray().OfType<JsonObject>(), b => (string?)b["type"] == "image");
    }

    [Fact]
    public async Task FocusButton_SetsTheFocus()
    {
        await OnboardAsync(Alice, "en");
        var detail = await CommandAsync(Alice, "missions evaluation");
        var focus = Buttons(detail).First(b => ((string)b["action_id"]!).StartsWith("missions.focus", StringComparison.Ordinal));

        var response = await _host.PostInteractionAsync(SlackPayloads.BlockAction(Alice, (string)focus["action_id"]!, (string?)focus["value"], _host.Slack.ResponseUrl("focus").ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await _host.Slack.WaitForCallAsync("response_url:focus");
        Assert.Contains("Your focus is now", (string?)answer.Body["text"], StringComparison.Ordinal);
        Assert.Equal("evaluation", (await Profile(Alice))!.MissionFocus);
    }

    private async Task OnboardAsync(string user, string language)
    {
        await CommandAsync(user, "start");
        foreach (var (action, value) in new[] { ("onboarding.role", "director"), ("onboarding.path", "internal"), ("onboarding.time", "09:00"), ("onboarding.days", "mon-fri") })
        {
            var payload = SlackPayloads.BlockAction(user, SlackActionCodec.EncodeActionId(action, 0), SlackActionCodec.EncodeValue(new Dictionary<string, string> { ["value"] = value }), _host.Slack.ResponseUrl("onboarding").ToString());
            Assert.Equal(HttpStatusCode.OK, (await _host.PostInteractionAsync(payload)).StatusCode);
        }

        Assert.Equal(OnboardingStep.Complete, (await Profile(user))?.Onboarding);
        await CommandAsync(user, "settings language " + language);
        Assert.Equal(language, (await Profile(user))?.Language);
        _host.Slack.Reset();
    }

    private async Task<JsonObject> CommandAsync(string user, string text)
    {
        using var response = await _host.PostCommandAsync(SlackPayloads.Command(user, text, _host.Slack.ResponseUrl("cmd").ToString(), triggerId: $"trigger-{text.Split(' ')[0]}-{Guid.NewGuid():N}"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/coach {text} -> {(int)response.StatusCode} {body}");
        return body.Length == 0 ? [] : JsonNode.Parse(body)!.AsObject();
    }

    private Task<UserProfile?> Profile(string user) =>
        _host.Services.GetRequiredService<IUserStore>().GetAsync(new UserRef("slack", SlackHost.Team, user), CancellationToken.None);

    private static IEnumerable<JsonObject> Buttons(JsonObject message) =>
        (message["blocks"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>());
}
