using System.Text.Json.Nodes;
using CoachBot.Slack.Api;

namespace CoachBot.Slack.Tests.Api;

public sealed class SlackApiClientMethodTests : IAsyncLifetime
{
    private static readonly SlackTeam Team = SlackApiHarness.Team;
    private SlackApiHarness _h = null!;

    public async Task InitializeAsync() => _h = await SlackApiHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task PostMessage_SendsJsonWithBotToken_ReturnsTs()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "section" });
        var message = new SlackMessage("C1", "Hello & welcome", blocks) { ThreadTs = "1.2" };

        var ts = await _h.Client.Chat.PostMessageAsync(Team, message, CancellationToken.None);

        var call = Assert.Single(_h.Slack.CallsTo("chat.postMessage"));
        Assert.Equal(SlackApiHarness.BotToken, call.Token);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("C1", (string?)call.Body["channel"]);
        Assert.Equal("Hello & welcome", (string?)call.Body["text"]);
        Assert.Equal("1.2", (string?)call.Body["thread_ts"]);
        Assert.Equal("section", (string?)call.Body["blocks"]![0]!["type"]);
        Assert.False(call.Body.ContainsKey("response_type"));
        Assert.False(string.IsNullOrEmpty(ts));
    }

    [Fact]
    public async Task PostMessage_TwiceReturnsIncreasingTs()
    {
        var first = await _h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C1", "a"), CancellationToken.None);
        var second = await _h.Client.Chat.PostMessageAsync(Team, new SlackMessage("C1", "b"), CancellationToken.None);

        Assert.True(string.CompareOrdinal(first, second) < 0, $"{first} should sort before {second}");
    }

    [Fact]
    public async Task PostEphemeral_SendsUserAndChannel()
    {
        await _h.Client.Chat.PostEphemeralAsync(Team, "U1", new SlackMessage("C9", "only you"), CancellationToken.None);

        var call = Assert.Single(_h.Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal("U1", (string?)call.Body["user"]);
        Assert.Equal("C9", (string?)call.Body["channel"]);
        Assert.Equal("only you", (string?)call.Body["text"]);
    }

    [Fact]
    public async Task Update_SendsChannelAndTs()
    {
        await _h.Client.Chat.UpdateAsync(Team, "123.456", new SlackMessage("C1", "edited"), CancellationToken.None);

        var call = Assert.Single(_h.Slack.CallsTo("chat.update"));
        Assert.Equal("123.456", (string?)call.Body["ts"]);
        Assert.Equal("C1", (string?)call.Body["channel"]);
        Assert.Equal("edited", (string?)call.Body["text"]);
    }

    [Fact]
    public async Task OpenDirect_SendsUsers_ReturnsChannelId()
    {
        var channel = await _h.Client.Conversations.OpenDirectAsync(Team, "U7", CancellationToken.None);

        Assert.Equal("DU7", channel);
        var call = Assert.Single(_h.Slack.CallsTo("conversations.open"));
        Assert.Equal("U7", (string?)call.Body["users"]);
        Assert.Equal(SlackApiHarness.BotToken, call.Token);
    }

    [Fact]
    public async Task UsersInfo_SendsFormWithLocale_ParsesUser()
    {
        _h.Slack.AddUser("U2", tz: "Europe/Paris", locale: "fr-FR", deleted: true, isBot: true);

        var user = await _h.Client.Users.InfoAsync(Team, "U2", CancellationToken.None);

        Assert.Equal(new SlackUserInfo("U2", "user-u2", "Europe/Paris", "fr-FR", IsBot: true, Deleted: true), user);
        var call = Assert.Single(_h.Slack.CallsTo("users.info"));
        Assert.StartsWith("application/x-www-form-urlencoded", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("U2", (string?)call.Body["user"]);
        Assert.Equal("true", (string?)call.Body["include_locale"]);
        Assert.Equal(SlackApiHarness.BotToken, call.Token);
    }

    [Fact]
    public async Task UsersInfo_UnknownUser_ThrowsPermanentUserNotFound()
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _h.Client.Users.InfoAsync(Team, "U404", CancellationToken.None));

        Assert.Equal("user_not_found", ex.Error);
        Assert.Equal("users.info", ex.Method);
        Assert.True(ex.IsPermanent);
    }

    [Fact]
    public async Task Views_SendTheirIdsAndView()
    {
        var view = new JsonObject { ["type"] = "modal", ["callback_id"] = "form.submit" };

        var id = await _h.Client.Views.OpenAsync(Team, "trig-1", view, CancellationToken.None);
        await _h.Client.Views.UpdateAsync(Team, id, new JsonObject { ["type"] = "modal" }, CancellationToken.None);
        await _h.Client.Views.PublishAsync(Team, "U3", new JsonObject { ["type"] = "home" }, CancellationToken.None);

        Assert.Equal("V1", id);
        var open = Assert.Single(_h.Slack.CallsTo("views.open"));
        Assert.Equal("trig-1", (string?)open.Body["trigger_id"]);
        Assert.Equal("form.submit", (string?)open.Body["view"]!["callback_id"]);
        Assert.Equal("V1", (string?)Assert.Single(_h.Slack.CallsTo("views.update")).Body["view_id"]);
        var publish = Assert.Single(_h.Slack.CallsTo("views.publish"));
        Assert.Equal("U3", (string?)publish.Body["user_id"]);
        Assert.Equal("home", (string?)publish.Body["view"]!["type"]);
    }

    [Fact]
    public async Task OAuthAccess_UsesBasicAuthAndForm_ParsesInstallation()
    {
        _h.Slack.OAuthAnswer = JsonNode.Parse("""
            {"ok":true,"access_token":"xoxb-installed-999","token_type":"bot","scope":"chat:write,commands, users:read",
             "bot_user_id":"B1","app_id":"A1","team":{"id":"T9","name":"Nine"},"enterprise":{"id":"E1"},
             "authed_user":{"id":"U5"},"is_enterprise_install":false}
            """)!.AsObject();

        var result = await _h.Client.OAuthV2.AccessAsync("code-1", new Uri("https://coach.example/slack/oauth"), CancellationToken.None);

        var call = Assert.Single(_h.Slack.CallsTo("oauth.v2.access"));
        Assert.Equal("basic:client-1", call.Token);
        Assert.Equal("code-1", (string?)call.Body["code"]);
        Assert.Equal("https://coach.example/slack/oauth", (string?)call.Body["redirect_uri"]);
        Assert.Equal(new SlackTeam("T9", "E1"), result.Team);
        Assert.Equal("xoxb-installed-999", result.BotToken);
        Assert.Equal("B1", result.BotUserId);
        Assert.Equal("A1", result.AppId);
        Assert.Equal(["chat:write", "commands", "users:read"], result.Scopes);
        Assert.Equal("U5", result.InstallerUserId);
        Assert.False(result.IsEnterpriseInstall);
        Assert.DoesNotContain("xoxb-installed-999", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuthAccess_BadCode_ThrowsInvalidCodeWithoutSecret()
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _h.Client.OAuthV2.AccessAsync("bad", null, CancellationToken.None));

        Assert.Equal("invalid_code", ex.Error);
        Assert.False(Assert.Single(_h.Slack.CallsTo("oauth.v2.access")).Body.ContainsKey("redirect_uri"));
        Assert.DoesNotContain(SlackApiHarness.ClientSecret, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppsConnectionsOpen_UsesAppToken_ReturnsUrl()
    {
        _h.Slack.SocketUrl = new Uri("wss://socket.example/link?ticket=1");

        var url = await _h.Client.AppsConnections.OpenAsync(CancellationToken.None);

        Assert.Equal(new Uri("wss://socket.example/link?ticket=1"), url);
        Assert.Equal(SlackApiHarness.AppToken, Assert.Single(_h.Slack.CallsTo("apps.connections.open")).Token);
    }

    [Fact]
    public async Task Respond_PostsToResponseUrlWithoutToken()
    {
        var message = new SlackMessage("ignored", "Saved!", new JsonArray(new JsonObject { ["type"] = "divider" }))
        {
            ResponseType = "ephemeral",
            ReplaceOriginal = true,
        };

        await _h.Client.RespondAsync(_h.Slack.ResponseUrl("r1"), message, CancellationToken.None);

        var call = Assert.Single(_h.Slack.CallsTo("response_url:r1"));
        Assert.Null(call.Token);
        Assert.Equal("Saved!", (string?)call.Body["text"]);
        Assert.Equal("ephemeral", (string?)call.Body["response_type"]);
        Assert.True((bool?)call.Body["replace_original"]);
        Assert.Equal("divider", (string?)call.Body["blocks"]![0]!["type"]);
        Assert.False(call.Body.ContainsKey("channel"));
    }

    [Fact]
    public async Task TeamWithoutInstallation_ThrowsNoInstallation_WithoutCallingSlack()
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(
            () => _h.Client.Chat.PostMessageAsync(new SlackTeam("T404"), new SlackMessage("C1", "hi"), CancellationToken.None));

        Assert.Equal("no_installation", ex.Error);
        Assert.True(ex.IsPermanent);
        Assert.Contains("T404", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_h.Slack.Calls);
    }
}
