using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Core.Delivery;
using CoachBot.Core.Users;
using CoachBot.Slack.BlockKit;
using CoachBot.Slack.Inbound;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Edge;

[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackEventsTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private SlackHost _host = null!;

    public SlackEventsTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        _host = await SlackHost.StartAsync(_azurite);
        _host.Slack.AddUser("U0ALICE", tz: "Asia/Tokyo", locale: "en-US");
        _host.Slack.AddUser("U0BOB", tz: "Europe/London", locale: "en-GB");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task UrlVerification_EchoesTheChallenge()
    {
        var response = await _host.PostEventAsync(new JsonObject { ["type"] = "url_verification", ["token"] = "t", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)body["challenge"]);
    }

    public static TheoryData<string> BadSignatures => ["tampered body", "wrong secret", "6 minutes old", "6 minutes ahead", "no headers"];

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task BadSignature_Gets401_AndNothingIsStoredOrSent(string problem)
    {
        var body = Encoding.UTF8.GetBytes(SlackPayloads.DirectMessage("EvBAD" + problem.Length, "U0ALICE", "help").ToJsonString());
        var now = TimeProvider.System.GetUtcNow();
        using var response = problem switch
        {
            "tampered body" => await SendTamperedAsync(body),
            "wrong secret" => await _host.SendAsync("/slack/events", body, "application/json", secret: "not-the-secret"),
            "6 minutes old" => await _host.SendAsync("/slack/events", body, "application/json", timestamp: now.AddMinutes(-6)),
            "6 minutes ahead" => await _host.SendAsync("/slack/events", body, "application/json", timestamp: now.AddMinutes(6)),
            _ => await _host.SendAsync("/slack/events", body, "application/json", sign: false),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Empty(_host.Slack.Calls);
        Assert.Empty(await _host.Services.GetRequiredService<IInbox>().FindUnclaimedAsync("slack", 10, CancellationToken.None));
        Assert.Null(await _host.Services.GetRequiredService<IUserStore>().GetAsync(new UserRef("slack", SlackHost.Team, "U0ALICE"), CancellationToken.None));
    }

    [Fact]
    public async Task DirectMessage_Help_IsAnsweredInTheDm_WithTokenTextAndValidBlocks()
    {
        var response = await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0HELP", "U0ALICE", "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await _host.Slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal(SlackHost.Token, post.Token);
        Assert.Equal("D0DM", (string?)post.Body["channel"]);
        Assert.Contains("help", (string?)post.Body["text"], StringComparison.OrdinalIgnoreCase);
        var blocks = Assert.IsType<JsonArray>(post.Body["blocks"]);
        Assert.NotEmpty(blocks);
        Assert.Empty(BlockKitLimits.Check(blocks, "message"));
    }

    [Fact]
    public async Task SameEventIdThreeTimes_IsAnsweredOnce()
    {
        var envelope = SlackPayloads.DirectMessage("Ev0RETRY", "U0ALICE", "help");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _host.PostEventAsync(envelope)).StatusCode);
        }

        await _host.Slack.WaitForCallAsync("chat.postMessage");

        // A retry after the first delivery was fully handled must not answer again either.
        Assert.Equal(HttpStatusCode.OK, (await _host.PostEventAsync(envelope)).StatusCode);
        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0BARRIER", "U0BOB", "help", channel: "D0BOB"));
        await _host.Slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == "D0BOB");
        await Task.Delay(1000);

        Assert.Single(_host.Slack.CallsTo("chat.postMessage"), c => (string?)c.Body["channel"] == "D0DM");
    }

    [Fact]
    public async Task RateLimited_PostIsRetriedOnceAfterRetryAfter_AndDeliveredOnce()
    {
        _host.Slack.FailNext("chat.postMessage", 429, retryAfterSeconds: 2);

        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0LIMIT", "U0ALICE", "help"));

        var delivered = await _host.Slack.WaitForCallAsync("chat.postMessage", c => c.Succeeded, TimeSpan.FromSeconds(15));
        var attempts = _host.Slack.CallsTo("chat.postMessage");
        Assert.Equal(2, attempts.Count);
        Assert.False(attempts[0].Succeeded);
        var gap = delivered.At - attempts[0].At;
        Assert.InRange(gap.TotalSeconds, 1.8, 6);
    }

    [Fact]
    public async Task BotMessagesAndEdits_AreIgnored()
    {
        var bot = SlackPayloads.DirectMessage("Ev0BOTMSG", "U0ALICE", "help");
        bot["event"]!["bot_id"] = "B0BOT";
        var edit = SlackPayloads.DirectMessage("Ev0EDIT", "U0ALICE", "help");
        edit["event"]!["subtype"] = "message_changed";

        await _host.PostEventAsync(bot);
        await _host.PostEventAsync(edit);
        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0REAL", "U0BOB", "help", channel: "D0BOB"));
        await _host.Slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Body["channel"] == "D0BOB");
        await Task.Delay(500);

        Assert.DoesNotContain(_host.Slack.CallsTo("chat.postMessage"), c => (string?)c.Body["channel"] == "D0DM");
    }

    [Fact]
    public async Task Mention_InAChannel_AnswersOnlyTheAsker_WithoutTheMention()
    {
        var mention = SlackPayloads.Envelope("Ev0MENTION", new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = "U0ALICE",
            ["text"] = "<@UBOT> help",
            ["ts"] = "1764000000.000300",
            ["channel"] = "C0TEAM",
            ["event_ts"] = "1764000000.000300",
        });

        await _host.PostEventAsync(mention);

        var post = await _host.Slack.WaitForCallAsync("chat.postEphemeral");
        Assert.Equal("C0TEAM", (string?)post.Body["channel"]);
        Assert.Equal("U0ALICE", (string?)post.Body["user"]);
        Assert.DoesNotContain("UBOT", (string?)post.Body["text"], StringComparison.Ordinal);
        Assert.Empty(_host.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Mention_InAChannelBySomeoneNew_AnswersWithoutOnboardingOrReminder()
    {
        foreach (var (id, text) in new[] { ("Ev0CHAT", "<@UBOT> thanks all, great retro"), ("Ev0TODAY", "<@UBOT> today") })
        {
            await _host.PostEventAsync(SlackPayloads.Envelope(id, new JsonObject
            {
                ["type"] = "app_mention", ["user"] = "U0CAROL", ["text"] = text, ["channel"] = "C0TEAM", ["event_ts"] = "1764000000.4",
            }));
        }

        await SlackHost.WaitUntilAsync(() => Task.FromResult(_host.Slack.CallsTo("chat.postEphemeral").Count >= 2), "both mentions answered");
        var answers = _host.Slack.CallsTo("chat.postEphemeral").Select(c => (string?)c.Body["text"] ?? string.Empty).ToList();
        Assert.Equal(2, answers.Count);
        Assert.DoesNotContain(answers, a => a.Contains("I'm CoachBot", StringComparison.Ordinal) || a.Contains("setup isn't finished", StringComparison.Ordinal));
        Assert.Empty(_host.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task AppHomeOpened_PublishesTheDashboard()
    {
        await _host.PostEventAsync(SlackPayloads.Envelope("Ev0HOME", new JsonObject
        {
            ["type"] = "app_home_opened", ["user"] = "U0ALICE", ["channel"] = "D0DM", ["tab"] = "home", ["event_ts"] = "1764000000.1",
        }));

        var publish = await _host.Slack.WaitForCallAsync("views.publish");
        Assert.Equal("U0ALICE", (string?)publish.Body["user_id"]);
        var view = Assert.IsType<JsonObject>(publish.Body["view"]);
        Assert.Equal("home", (string?)view["type"]);
        Assert.Empty(BlockKitLimits.Check(view));
    }

    [Fact]
    public async Task UserChange_MovesTheTimeZone_UnlessTheUserChoseOne()
    {
        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0START", "U0ALICE", "start"));
        await _host.Slack.WaitForCallAsync("chat.postMessage");
        var users = _host.Services.GetRequiredService<IUserStore>();
        var alice = new UserRef("slack", SlackHost.Team, "U0ALICE");
        Assert.Equal("Asia/Tokyo", (await users.GetAsync(alice, CancellationToken.None))?.TimeZoneId);

        await _host.PostEventAsync(SlackPayloads.Envelope("Ev0MOVE", new JsonObject
        {
            ["type"] = "user_change",
            ["user"] = new JsonObject { ["id"] = "U0ALICE", ["team_id"] = SlackHost.Team, ["tz"] = "America/New_York", ["deleted"] = false },
            ["event_ts"] = "1764000000.2",
        }));

        await SlackHost.WaitUntilAsync(async () => (await users.GetAsync(alice, CancellationToken.None))?.TimeZoneId == "America/New_York", "the time zone moved");
    }

    [Fact]
    public async Task Export_InTheDm_UploadsTheFileThere()
    {
        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0HI", "U0ALICE", "start"));
        await _host.Slack.WaitForCallAsync("chat.postMessage");

        await _host.PostEventAsync(SlackPayloads.DirectMessage("Ev0EXPORT", "U0ALICE", "export"));

        var complete = await _host.Slack.WaitForCallAsync("files.completeUploadExternal");
        Assert.Equal("D0DM", (string?)complete.Body["channel_id"]);
        var fileId = (string?)complete.Body["files"]![0]!["id"];
        var upload = Assert.Single(_host.Slack.CallsTo($"upload:{fileId}"));
        Assert.Null(upload.Token);
        Assert.Contains("U0ALICE", upload.Body.ToJsonString(), StringComparison.Ordinal);
        var ask = Assert.Single(_host.Slack.CallsTo("files.getUploadURLExternal"));
        Assert.EndsWith(".json", (string?)ask.Body["filename"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_AskedInAChannel_GoesToTheUsersDm_AndAFailedUploadIsSaid()
    {
        var responseUrl = _host.Slack.ResponseUrl("export");
        _host.Slack.FailNext("files.completeUploadExternal", 200, new JsonObject { ["ok"] = false, ["error"] = "not_in_channel" });

        await _host.PostCommandAsync(SlackPayloads.Command("U0BOB", "export", responseUrl.ToString()));

        var complete = await _host.Slack.WaitForCallAsync("files.completeUploadExternal");
        Assert.Equal("DU0BOB", (string?)complete.Body["channel_id"]);
        await _host.Slack.WaitForCallAsync("response_url:export", c => ((string?)c.Body["text"])?.Contains("could not be attached", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task UnknownEventTypes_AreAcknowledged_AndNothingIsSent()
    {
        var unknown = SlackPayloads.Envelope("Ev0UNKNOWN", new JsonObject { ["type"] = "reaction_added", ["user"] = "U0ALICE" });

        Assert.Equal(HttpStatusCode.OK, (await _host.PostEventAsync(unknown)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.PostEventAsync(new JsonObject { ["type"] = "app_rate_limited", ["minute_rate_limited"] = 1 })).StatusCode);
        await Task.Delay(500);

        Assert.Empty(_host.Slack.Calls);
    }

    private async Task<HttpResponseMessage> SendTamperedAsync(byte[] body)
    {
        var ts = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SlackSignatureVerifier.Sign(SlackHost.Secret, ts, body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("help", "forget me yes", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(tampered) };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature);
        return await _host.Client.SendAsync(request);
    }
}
