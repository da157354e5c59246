using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Core.Users;
using CoachBot.Slack.BlockKit;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Edge;

[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackInteractivityTests : IAsyncLifetime
{
    private const string Alice = "U0ALICE";

    private readonly AzuriteFixture _azurite;
    private SlackHost _host = null!;

    public SlackInteractivityTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        _host = await SlackHost.StartAsync(_azurite);
        _host.Slack.AddUser(Alice, tz: "Asia/Tokyo", locale: "en-US");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SlashHelp_AcksEphemerally_WithTextFallbackAndValidBlocks()
    {
        var ack = await CommandAsync(Alice, "help");

        Assert.Equal("ephemeral", (string?)ack["response_type"]);
        Assert.Contains("help", (string?)ack["text"], StringComparison.OrdinalIgnoreCase);
        Assert.Empty(BlockKitLimits.Check(Assert.IsType<JsonArray>(ack["blocks"]), "message"));
    }

    [Fact]
    public async Task UserText_IsEscapedInTextAndBlocks()
    {
        await OnboardAsync(Alice);
        var ack = await CommandAsync(Alice, "<script>&x");

        var json = ack.ToJsonString();
        Assert.True(((string?)ack["text"])?.Contains("&lt;script&gt;&amp;x", StringComparison.Ordinal), json);
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003Cscript", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Settings_OpensAModal_InvalidInputGetsAnErrorNextToIt_ValidInputSaves()
    {
        await OnboardAsync(Alice);
        var responseUrl = _host.Slack.ResponseUrl("settings");

        await CommandAsync(Alice, "settings", responseUrl);

        var open = await _host.Slack.WaitForCallAsync("views.open");
        Assert.StartsWith("trigger-settings", (string?)open.Body["trigger_id"], StringComparison.Ordinal);
        var view = Assert.IsType<JsonObject>(open.Body["view"]);
        Assert.Equal("modal", (string?)view["type"]);
        Assert.Empty(BlockKitLimits.Check(view));

        var bad = await SubmitAsync(Alice, view, SlackPayloads.TextValue("time_zone", "Mars/Olympus_Mons"));
        Assert.Equal("errors", (string?)bad["response_action"]);
        Assert.NotNull(bad["errors"]?["time_zone"]);
        Assert.Equal("Asia/Tokyo", (await Profile(Alice))!.TimeZoneId);

        var good = await SubmitAsync(Alice, view, SlackPayloads.TextValue("time_zone", "Europe/Berlin"));
        Assert.Equal("clear", (string?)good["response_action"]);
        Assert.Equal("Europe/Berlin", (await Profile(Alice))!.TimeZoneId);
        await _host.Slack.WaitForCallAsync("response_url:settings");
    }

    [Fact]
    public async Task Today_DoneButton_RecordsThePractice_AndAnswersThroughTheResponseUrl()
    {
        await OnboardAsync(Alice);
        var today = await CommandAsync(Alice, "today");
        var done = Buttons(today).First(b => ((string)b["action_id"]!).StartsWith("habit.done", StringComparison.Ordinal));

        var response = await _host.PostInteractionAsync(SlackPayloads.BlockAction(Alice, (string)done["action_id"]!, (string?)done["value"], _host.Slack.ResponseUrl("done").ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await _host.Slack.WaitForCallAsync("response_url:done");
        Assert.False(string.IsNullOrWhiteSpace((string?)answer.Body["text"]));
        var progress = await CommandAsync(Alice, "progress");
        Assert.Contains("1", (string?)progress["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownActionId_GetsAPoliteMessage()
    {
        await _host.PostInteractionAsync(SlackPayloads.BlockAction(Alice, "something.removed|0", "{}", _host.Slack.ResponseUrl("old").ToString()));

        var answer = await _host.Slack.WaitForCallAsync("response_url:old");
        Assert.Contains("older message", (string?)answer.Body["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryVerb_WorksAsASlashCommand()
    {
        await OnboardAsync(Alice);
        var verbs = _host.Services.GetRequiredService<ConversationEngine>().Verbs;
        Assert.True(verbs.Count >= 20, $"only {verbs.Count} verbs");

        foreach (var verb in verbs.Where(v => v is not "forget me"))
        {
            _host.Slack.Reset();
            using var response = await _host.PostCommandAsync(SlackPayloads.Command(Alice, verb, _host.Slack.ResponseUrl(verb).ToString(), triggerId: $"trigger-{verb.Replace(' ', '-')}-{Guid.NewGuid():N}"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/coach {verb} -> {(int)response.StatusCode} {body}");
            if (body.Length == 0)
            {
                // No message in the ack: the answer was a form, opened as a modal.
                var open = await _host.Slack.WaitForCallAsync("views.open");
                Assert.Empty(BlockKitLimits.Check((JsonObject)open.Body["view"]!));
                continue;
            }

            var ack = JsonNode.Parse(body)!.AsObject();
            Assert.False(string.IsNullOrWhiteSpace((string?)ack["text"]), $"/coach {verb} answered without text");
            Assert.Empty(BlockKitLimits.Check(Assert.IsType<JsonArray>(ack["blocks"]), "message"));
        }
    }

    [Fact]
    public async Task ViewSubmission_AfterForgetMe_IsAnsweredPolitely()
    {
        await OnboardAsync(Alice);
        await CommandAsync(Alice, "settings");
        var view = (JsonObject)(await _host.Slack.WaitForCallAsync("views.open")).Body["view"]!;
        await CommandAsync(Alice, "forget me yes");
        Assert.Null(await Profile(Alice));

        var response = await _host.PostInteractionAsync(SlackPayloads.ViewSubmission(Alice, view, SlackPayloads.TextValue("time_zone", "Europe/Berlin")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())?["response_action"]);
    }

    [Fact]
    public async Task BadInteractionBodies_Get4xx()
    {
        var noPayload = await _host.SendAsync("/slack/interactions", Encoding.UTF8.GetBytes("foo=bar"), "application/x-www-form-urlencoded");
        var badJson = await _host.SendAsync("/slack/interactions", Encoding.UTF8.GetBytes("payload=%7Bnot-json"), "application/x-www-form-urlencoded");
        var badEvent = await _host.SendAsync("/slack/events", Encoding.UTF8.GetBytes("{\"type\": event_callback"), "application/json");
        var huge = await _host.SendAsync("/slack/events", new byte[2 * 1024 * 1024], "application/json");
        var noFields = await _host.SendAsync("/slack/commands", Encoding.UTF8.GetBytes("text=help"), "application/x-www-form-urlencoded");
        var shortcut = await _host.PostInteractionAsync(new JsonObject { ["type"] = "shortcut", ["team"] = new JsonObject { ["id"] = SlackHost.Team }, ["user"] = new JsonObject { ["id"] = Alice } });

        Assert.Equal(HttpStatusCode.BadRequest, noPayload.StatusCode);
        Assert.Contains("payload", await noPayload.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEvent.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noFields.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, shortcut.StatusCode);
        Assert.Empty(_host.Slack.Calls);
    }

    private async Task OnboardAsync(string user)
    {
        await CommandAsync(user, "start");
        foreach (var (action, value) in new[] { ("onboarding.role", "senior"), ("onboarding.path", "internal"), ("onboarding.time", "09:00"), ("onboarding.days", "mon-fri") })
        {
            var payload = SlackPayloads.BlockAction(user, SlackActionCodec.EncodeActionId(action, 0), SlackActionCodec.EncodeValue(new Dictionary<string, string> { ["value"] = value }), _host.Slack.ResponseUrl("onboarding").ToString());
            Assert.Equal(HttpStatusCode.OK, (await _host.PostInteractionAsync(payload)).StatusCode);
        }

        Assert.Equal(OnboardingStep.Complete, (await Profile(user))?.Onboarding);
        _host.Slack.Reset();
    }

    private async Task<JsonObject> CommandAsync(string user, string text, Uri? responseUrl = null)
    {
        using var response = await _host.PostCommandAsync(SlackPayloads.Command(user, text, (responseUrl ?? _host.Slack.ResponseUrl("cmd")).ToString(), triggerId: $"trigger-{text.Split(' ')[0]}-{Guid.NewGuid():N}"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/coach {text} -> {(int)response.StatusCode} {body}");
        return body.Length == 0 ? [] : JsonNode.Parse(body)!.AsObject();
    }

    private async Task<JsonObject> SubmitAsync(string user, JsonObject view, JsonObject values)
    {
        using var response = await _host.PostInteractionAsync(SlackPayloads.ViewSubmission(user, view, values));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"view_submission -> {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private Task<UserProfile?> Profile(string user) =>
        _host.Services.GetRequiredService<IUserStore>().GetAsync(new UserRef("slack", SlackHost.Team, user), CancellationToken.None);

    private static IEnumerable<JsonObject> Buttons(JsonObject message) =>
        (message["blocks"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>());
}
