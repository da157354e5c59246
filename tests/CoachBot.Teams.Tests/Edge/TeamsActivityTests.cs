using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Installations;
using CoachBot.Core.Users;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Tests.FakeConnector;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// Activities in the real format over real HTTP to the host in local mode (no app id: anonymous from loopback, as
/// the Microsoft 365 Agents Playground talks to it), replies captured by a fake connector on loopback.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TeamsActivityTests : IAsyncLifetime
{
    private const string Alice = "29:alice";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly AzuriteFixture _azurite;
    private TeamsHost _host = null!;
    private FakeConnector.FakeConnector _connector = null!;

    public TeamsActivityTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.FakeConnector.StartAsync();
        _host = await TeamsHost.StartAsync(_azurite);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task PlaygroundFlow_Help_Start_Today_Done_Progress_Agenda()
    {
        var help = await SayAsync(Alice, "help");
        Assert.Contains("help", Text(help), StringComparison.OrdinalIgnoreCase);
        Assert.Null(help.Authorization);

        await OnboardAsync(Alice);
        var today = await SayAsync(Alice, "today");
        var done = Submits(today).First(d => ((string?)d["coachbot"])?.StartsWith("habit.done", StringComparison.Ordinal) == true);

        var pressed = await SendAsync(TeamsActivities.Submit(_connector.ServiceUrl, Alice, done.DeepClone()));
        Assert.False(string.IsNullOrWhiteSpace(Text(pressed)));
        Assert.Contains("1", Text(await SayAsync(Alice, "progress")), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Text(await SayAsync(Alice, "1on1 agenda"))));
    }

    [Fact]
    public async Task EveryVerb_GetsAReply_WithAValidCard()
    {
        await OnboardAsync(Alice);
        foreach (var verb in _host.Services.GetRequiredService<ConversationEngine>().Verbs.Where(v => v != "forget me"))
        {
            var reply = await SayAsync(Alice, verb);
            Assert.False(string.IsNullOrWhiteSpace(Text(reply)), $"{verb} answered without text");
            foreach (var card in Cards(reply))
            {
                Assert.Empty(AdaptiveCardValidator.Validate(card));
            }
        }
    }

    [Fact]
    public async Task ChannelMessage_FromSomeoneNew_IsAnsweredWithoutOnboarding()
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl, "29:carol", "<at>CoachBot</at> thanks all, great retro", conversation: "19:team-channel@thread.tacv2");
        activity["conversation"]!["conversationType"] = "channel";

        var reply = Text(await SendAsync(activity));

        Assert.DoesNotContain("I'm CoachBot", reply, StringComparison.Ordinal);
        Assert.Contains("help", reply, StringComparison.Ordinal);
        var carol = new UserRef("msteams", TeamsActivities.Tenant, "29:carol");
        Assert.Null(await _host.Services.GetRequiredService<IUserStore>().GetAsync(carol, CancellationToken.None));
    }

    [Fact]
    public async Task SameActivityIdTwice_IsAnsweredOnce()
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl, Alice, "help", id: "act-twice");

        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(activity)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(activity)).StatusCode);

        Assert.Single(_connector.Requests, r => r.ActivityId == "act-twice");
    }

    [Fact]
    public async Task Install_GreetsOnce_StoresTheReference_AndRemoveDropsIt()
    {
        await _host.PostAsync(TeamsActivities.InstallationUpdate(_connector.ServiceUrl, Alice, "add"));
        await _host.PostAsync(TeamsActivities.BotAdded(_connector.ServiceUrl, Alice));

        await _connector.WaitForAsync(r => r.Method == "POST", Wait);
        await Task.Delay(300);
        Assert.Single(_connector.Requests);
        var references = _host.Services.GetRequiredService<IConversationReferenceStore>();
        var user = new UserRef("msteams", TeamsActivities.Tenant, Alice);
        Assert.NotNull(await references.GetAsync(user, CancellationToken.None));

        await _host.PostAsync(TeamsActivities.InstallationUpdate(_connector.ServiceUrl, Alice, "remove"));
        Assert.Null(await references.GetAsync(user, CancellationToken.None));
    }

    [Fact]
    public async Task ActionExecute_IsAnsweredInTheResponse_WithACard()
    {
        using var response = await _host.PostAsync(TeamsActivities.Execute(_connector.ServiceUrl, Alice, CommandActions.RunCommand, new JsonObject { ["text"] = "help" }));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Empty(AdaptiveCardValidator.Validate(body["value"]!.AsObject()));
    }

    [Fact]
    public async Task ProactiveSend_UsesTheStoredReference()
    {
        await SayAsync(Alice, "help");
        var sender = _host.Services.GetServices<IChannelSender>().Single(s => s.Channel == "msteams");

        await sender.SendAsync(new UserRef("msteams", TeamsActivities.Tenant, Alice), Reply.Plain("Time for today's step"), CancellationToken.None);

        var sent = await _connector.WaitForAsync(r => r.Body?["text"]?.ToString() == "Time for today's step", Wait);
        Assert.Equal("a:personal-chat-1", sent.ConversationId);
    }

    [Fact]
    public async Task ProactiveSend_Answered403_DropsTheReference_AndStopsTheUsersNudges()
    {
        await OnboardAsync(Alice);
        var user = new UserRef("msteams", TeamsActivities.Tenant, Alice);
        var sender = _host.Services.GetServices<IChannelSender>().Single(s => s.Channel == "msteams");
        _connector.FailNext(403);

        var refused = await Assert.ThrowsAsync<CoachBot.Teams.Connector.TeamsConnectorException>(() => sender.SendAsync(user, Reply.Plain("nudge"), CancellationToken.None));

        Assert.True(refused.IsPermanent);
        Assert.Null(await _host.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(user, CancellationToken.None));
        Assert.True((await _host.Services.GetRequiredService<IUserStore>().GetAsync(user, CancellationToken.None))!.NudgesStopped);
    }

    [Fact]
    public async Task BadInput_Gets4xx_OrAPoliteReply_NeverA5xx()
    {
        var malformed = await _host.PostRawAsync(Encoding.UTF8.GetBytes("{\"type\": message"));
        var noServiceUrl = TeamsActivities.Message(_connector.ServiceUrl, Alice, "help");
        noServiceUrl.Remove("serviceUrl");
        var missing = await _host.PostAsync(noServiceUrl);
        var huge = await _host.PostRawAsync(new byte[2 * 1024 * 1024]);
        var unknown = await _host.PostAsync(TeamsActivities.Base("messageReaction", _connector.ServiceUrl, Alice, null, "a:personal-chat-1"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Empty(_connector.Requests);

        var odd = await SendAsync(TeamsActivities.Submit(_connector.ServiceUrl, Alice, new JsonArray(1, 2, 3)));
        Assert.Contains("older message", Text(odd), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAnAppId_AnonymousLoopbackRequests_AreRefused()
    {
        await using var secured = await TeamsHost.StartAsync(_azurite, new Dictionary<string, string?>
        {
            ["Local:Enabled"] = "false", ["Teams:AppId"] = "6a1b2c3d-1111-2222-3333-444455556666", ["Teams:AppPassword"] = "not-used-here",
        });

        var response = await secured.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, Alice, "help"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    private async Task OnboardAsync(string user)
    {
        await SayAsync(user, "start");
        foreach (var (action, value) in new[] { ("onboarding.role", "senior"), ("onboarding.path", "internal"), ("onboarding.time", "09:00"), ("onboarding.days", "mon-fri") })
        {
            await SendAsync(TeamsActivities.Submit(_connector.ServiceUrl, user, new JsonObject { ["coachbot"] = action, ["value"] = value }));
        }
    }

    private Task<ConnectorRequest> SayAsync(string user, string text) =>
        SendAsync(TeamsActivities.Message(_connector.ServiceUrl, user, text));

    /// <summary>Posts the activity and returns the first reply the connector got for it.</summary>
    private async Task<ConnectorRequest> SendAsync(JsonObject activity)
    {
        var id = (string)activity["id"]!;
        using var response = await _host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _connector.WaitForAsync(r => r.ActivityId == id, Wait);
    }

    private static string Text(ConnectorRequest request) => request.Body?["text"]?.ToString() ?? string.Empty;

    private static IEnumerable<JsonObject> Cards(ConnectorRequest request) =>
        (request.Body?["attachments"] as JsonArray ?? []).OfType<JsonObject>().Select(a => a["content"]).OfType<JsonObject>();

    private static IEnumerable<JsonObject> Submits(ConnectorRequest request) =>
        Cards(request).SelectMany(c => JsonWalk.Objects(c)).Where(n => (string?)n["type"] == "Action.Submit").Select(n => n["data"]).OfType<JsonObject>();
}
