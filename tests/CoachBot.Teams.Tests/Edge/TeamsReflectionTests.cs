using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Teams.Inbound;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// Team reflections in a Teams channel end to end (docs/decisions/0040-teams-channel-reflections.md): signed
/// activities over real HTTP, a Bot Connector on loopback serving the team's roster, the round opened and closed
/// through the reflection service and sent through the scheduler's senders, as the scheduler does.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed partial class TeamsReflectionTests : AuthenticatedTeamsTests
{
    private const string Team = "19:team-a@thread.tacv2";
    private const string ChannelId = "19:planning-a@thread.tacv2";
    private const string Lead = "29:lead";
    private const string Ben = "29:ben";
    private const string Cai = "29:cai";
    private const string Dan = "29:dan";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly TeamChannel Channel = new("msteams", TeamsActivities.Tenant, TeamsChannelOrigin.Alias(ChannelId));

    public TeamsReflectionTests(AzuriteFixture azurite)
        : base(azurite)
    {
    }

    [Fact]
    public async Task LeadSetsUpHere_RosterDecidesWhoIsAsked_SummaryGoesToTheChannel()
    {
        Connector.SetRoster(Team, Lead, Ben, TeamsActivities.Bot, Cai);

        // Set-up in the channel: the answer goes to the lead's personal chat (created for them), the channel only hears
        // that it went there.
        var setUp = await InChannelAsync(Lead, "team reflection on here Fri 16:00");
        Assert.Contains("answered you in our private chat", Text(setUp), StringComparison.Ordinal);
        Assert.DoesNotContain("Fri", Text(setUp), StringComparison.Ordinal);
        var leadChat = await PrivateReplyAsync(Lead, r => Text(r).Contains("is on", StringComparison.Ordinal));
        Assert.Contains(Channel.DisplayName, Text(leadChat), StringComparison.Ordinal);

        // The lead answers too ("I answer too" in their private chat).
        var takePart = Submits(leadChat).Single(d => (string?)d["coachbot"] == TeamReflectionHandler.LeadAction);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(TeamsActivities.Submit(Connector.ServiceUrl, Lead, takePart.DeepClone()))).StatusCode);
        await WaitUntilAsync(async () => (await Reflections.GetAsync(Channel, CancellationToken.None))?.LeadTakesPart == true);

        // Round 1: exactly the three people of the roster (not the bot) get the form, each in a personal chat.
        var now = TimeProvider.System.GetUtcNow();
        var first = await OpenAndSendAsync(now);
        Assert.Equal([Ben, Cai, Lead], first);
        foreach (var member in new[] { Ben, Cai })
        {
            await PrivateReplyAsync(member, r => Text(r).Contains("weekly reflection", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(Connector.Requests, r => r.Body?["members"]?[0]?["id"]?.ToString() == TeamsActivities.Bot);

        // The summary goes to the channel itself (a new post, not the thread of the set-up message).
        var summary = await Service.CloseRoundAsync(Channel, now.AddHours(1), CancellationToken.None);
        await Senders.PostAsync(Channel, summary!, CancellationToken.None);
        var posted = await Connector.WaitForAsync(r => r.ConversationId == ChannelId && r.ActivityId is null, Wait);
        Assert.Contains("Team reflection for " + Channel.DisplayName, Text(posted), StringComparison.Ordinal);
        Assert.Equal("Bearer connector-token-for-tests", posted.Authorization);

        // Cai leaves the team and Dan joins: the next round asks Dan and not Cai.
        Connector.SetRoster(Team, Lead, Ben, Dan, TeamsActivities.Bot);
        var second = await OpenAndSendAsync(now.AddDays(7));
        Assert.Equal([Ben, Dan, Lead], second);
        await PrivateReplyAsync(Dan, r => Text(r).Contains("weekly reflection", StringComparison.Ordinal));
        Assert.DoesNotContain(User(Cai), await Reflections.ListMembersAsync(Channel, CancellationToken.None));
    }

    [Fact]
    public async Task StatusOffAndReflectHere_AnswerPrivately()
    {
        Connector.SetRoster(Team, Lead, Ben, Cai);
        await InChannelAsync(Lead, "team reflection on here Fri 16:00");
        await PrivateReplyAsync(Lead, r => Text(r).Contains("is on", StringComparison.Ordinal));

        var status = await InChannelAsync(Lead, "team reflection status this channel");
        Assert.Contains("answered you in our private chat", Text(status), StringComparison.Ordinal);
        await PrivateReplyAsync(Lead, r => Text(r).Contains("No week has opened yet", StringComparison.Ordinal));

        var reflect = await InChannelAsync(Ben, "reflect #here");
        Assert.Contains("answered you in our private chat", Text(reflect), StringComparison.Ordinal);
        await PrivateReplyAsync(Ben, r => Text(r).Contains("no team reflection open for you", StringComparison.Ordinal));

        var off = await InChannelAsync(Lead, "team reflection off here");
        Assert.Contains("answered you in our private chat", Text(off), StringComparison.Ordinal);
        await WaitUntilAsync(async () => (await Reflections.GetAsync(Channel, CancellationToken.None))?.Enabled == false);

        // Nothing but the one-line notes ever went to the channel.
        Assert.All(
            Connector.Requests.Where(r => r.ConversationId?.StartsWith(ChannelId, StringComparison.Ordinal) == true),
            r => Assert.Contains("private chat", Text(r), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RosterForbidden_LeadIsToldToAddCoachBot_AndNothingIsSaved()
    {
        Connector.FailRoster(Team, 403);

        await InChannelAsync(Lead, "team reflection on here Fri 16:00");

        var answer = await PrivateReplyAsync(Lead, r => Text(r).Contains("I can't see who is in", StringComparison.Ordinal));
        Assert.Contains("add CoachBot to the team", Text(answer), StringComparison.Ordinal);
        Assert.Null(await Reflections.GetAsync(Channel, CancellationToken.None));
    }

    [Fact]
    public async Task PrivateChatRefused_ChannelHearsOnlyThat_AndTheCommandDoesNotRun()
    {
        Connector.SetRoster(Team, Lead, Ben, Cai);
        Connector.FailNext(403);

        var answer = await InChannelAsync(Lead, "team reflection on here Fri 16:00");

        Assert.Contains("couldn't open a private chat", Text(answer), StringComparison.Ordinal);
        Assert.DoesNotContain("Fri", Text(answer), StringComparison.Ordinal);
        Assert.Null(await Reflections.GetAsync(Channel, CancellationToken.None));
        Assert.DoesNotContain(Connector.Requests, r => r.Method == "GET");
    }

    [Fact]
    public async Task HereOutsideATeamChannel_SaysWhereToWriteIt()
    {
        var answer = await SendAsync(TeamsActivities.Message(Connector.ServiceUrl, Lead, "team reflection on here Fri 16:00"));

        Assert.Contains("Say it in the team's channel", Text(answer), StringComparison.Ordinal);
        Assert.Empty(await Reflections.ListLedByAsync(User(Lead), CancellationToken.None));
    }

    private IReflectionStore Reflections => Host.Services.GetRequiredService<IReflectionStore>();

    private TeamReflectionService Service => Host.Services.GetRequiredService<TeamReflectionService>();

    private ChannelSenders Senders => Host.Services.GetRequiredService<ChannelSenders>();

    private static UserRef User(string id) => new("msteams", TeamsActivities.Tenant, id);

    /// <summary>Opens the week's round at <paramref name="at"/> and sends each form as the scheduler does; the ids asked.</summary>
    private async Task<string[]> OpenAndSendAsync(DateTimeOffset at)
    {
        var invitations = await Service.OpenRoundAsync(Channel, at, CancellationToken.None);
        foreach (var invitation in invitations)
        {
            await Senders.SendAsync(invitation.Member, invitation.Reply, CancellationToken.None);
        }

        return [.. invitations.Select(i => i.Member.UserId).Order(StringComparer.Ordinal)];
    }

    /// <summary>A message to the bot in the channel (a thread of it), as Teams sends it with the bot's mention.</summary>
    private static JsonObject ChannelMessage(Uri serviceUrl, string user, string text, string channelId = ChannelId, string team = Team)
    {
        var activity = TeamsActivities.Message(serviceUrl, user, "<at>CoachBot</at> " + text, conversation: channelId + ";messageid=1733" + Random.Shared.Next(1000, 9999));
        activity["conversation"]!["conversationType"] = "channel";
        activity["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>CoachBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = TeamsActivities.Bot, ["name"] = "CoachBot" },
        });
        activity["channelData"]!["team"] = new JsonObject { ["id"] = team, ["name"] = "Team A" };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "Planning" };
        return activity;
    }

    private Task<FakeConnector.ConnectorRequest> InChannelAsync(string user, string text) =>
        SendAsync(ChannelMessage(Connector.ServiceUrl, user, text));

    /// <summary>Posts a signed activity and returns the threaded reply the connector got for it.</summary>
    private async Task<FakeConnector.ConnectorRequest> SendAsync(JsonObject activity)
    {
        var id = (string)activity["id"]!;
        using var response = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Connector.WaitForAsync(r => r.ActivityId == id, Wait);
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject activity, Uri? signedFor = null) =>
        Host.PostAsync(activity, Issuer.Sign(ConnectorSpec(signedFor)));

    /// <summary>A message in <paramref name="user"/>'s personal chat, which the bot created for them.</summary>
    private async Task<FakeConnector.ConnectorRequest> PrivateReplyAsync(string user, Func<FakeConnector.ConnectorRequest, bool> match)
    {
        await Connector.WaitForAsync(r => r.Path == "/v3/conversations" && r.Body?["members"]?[0]?["id"]?.ToString() == user, Wait);
        var references = Host.Services.GetRequiredService<CoachBot.Core.Installations.IConversationReferenceStore>();
        string? chat = null;
        await WaitUntilAsync(async () => (chat = (await references.GetAsync(User(user), CancellationToken.None))?.ConversationId) is not null);
        return await Connector.WaitForAsync(r => r.ConversationId == chat && r.ActivityId is null && match(r), Wait);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(Wait);
        while (!await condition())
        {
            await Task.Delay(50, cts.Token);
        }
    }

    private static string Text(FakeConnector.ConnectorRequest request) => request.Body?["text"]?.ToString() ?? string.Empty;

    private static IEnumerable<JsonObject> Submits(FakeConnector.ConnectorRequest request) =>
        (request.Body?["attachments"] as JsonArray ?? []).OfType<JsonObject>().Select(a => a["content"]).OfType<JsonObject>()
            .SelectMany(JsonWalk.Objects).Where(n => (string?)n["type"] == "Action.Submit").Select(n => n["data"]).OfType<JsonObject>();
}
