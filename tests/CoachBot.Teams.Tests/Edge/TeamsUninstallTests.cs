using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Core.Installations;
using CoachBot.Core.Users;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// Removing CoachBot in Teams starts the uninstall grace period (docs/decisions/0021-uninstall-grace-period.md):
/// team scope marks the tenant, personal scope only that user, a group chat no one; adding it again or any activity
/// clears the mark. Real HTTP with Bot Framework tokens, as Teams signs them, against the real host and Azurite.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TeamsUninstallTests : AuthenticatedTeamsTests
{
    private const string Alice = "29:alice";
    private const string Bob = "29:bob";
    private static readonly CancellationToken None = CancellationToken.None;

    public TeamsUninstallTests(AzuriteFixture azurite)
        : base(azurite)
    {
    }

    private IPendingUninstallStore Marks => Host.Services.GetRequiredService<IPendingUninstallStore>();

    [Fact]
    public async Task Remove_TeamScope_MarksNoOne()
    {
        // Anyone who may create a team could add CoachBot to it and remove it again: that must not schedule the
        // deletion of every quiet colleague's data. People keep their own personal installs.
        await PostAsync(InTeam(TeamsActivities.InstallationUpdate(Connector.ServiceUrl, Alice, "remove")));

        Assert.Empty(await Marks.ListAllAsync(None));
    }

    [Fact]
    public async Task Remove_PersonalScope_MarksOnlyThatUser()
    {
        await PostAsync(TeamsActivities.InstallationUpdate(Connector.ServiceUrl, Alice, "remove"));

        Assert.NotNull(await Marks.GetUserAsync(User(Alice), None));
        Assert.Null(await Marks.GetAsync("msteams", TeamsActivities.Tenant, None));
        Assert.Null(await Marks.GetUserAsync(User(Bob), None));
    }

    [Fact]
    public async Task Remove_GroupChat_MarksNoOne()
    {
        var activity = TeamsActivities.InstallationUpdate(Connector.ServiceUrl, Alice, "remove");
        activity["conversation"]!["id"] = "19:group-chat@thread.v2";
        activity["conversation"]!["conversationType"] = "groupChat";

        await PostAsync(activity);

        Assert.Empty(await Marks.ListAllAsync(None));
    }

    [Fact]
    public async Task Add_AfterAPersonalRemove_ClearsTheMark()
    {
        await PostAsync(TeamsActivities.InstallationUpdate(Connector.ServiceUrl, Alice, "remove"));
        Assert.NotNull(await Marks.GetUserAsync(User(Alice), None));

        await PostAsync(TeamsActivities.InstallationUpdate(Connector.ServiceUrl, Alice, "add"));

        Assert.Null(await Marks.GetUserAsync(User(Alice), None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheBotsRemovalNotice_InEitherOrder_IsNotUseAndKeepsTheMark(bool noticeFirst)
    {
        // Teams also tells of the removal with a conversationUpdate naming the bot among the members removed.
        var notice = TeamsActivities.Base("conversationUpdate", Connector.ServiceUrl, Alice, null, "a:personal-chat-1");
        notice["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = TeamsActivities.Bot });
        var remove = TeamsActivities.InstallationUpdate(Connector.ServiceUrl, Alice, "remove");

        await PostAsync(noticeFirst ? notice : remove);
        await PostAsync(noticeFirst ? remove : notice);

        Assert.NotNull(await Marks.GetUserAsync(User(Alice), None));
    }

    [Fact]
    public async Task Message_AfterRemoves_ClearsTheSendersOwnMarkButNotAnotherUsers()
    {
        await PostAsync(TeamsActivities.InstallationUpdate(Connector.ServiceUrl, Alice, "remove"));
        await PostAsync(TeamsActivities.InstallationUpdate(Connector.ServiceUrl, Bob, "remove"));

        await PostAsync(TeamsActivities.Message(Connector.ServiceUrl, Alice, "help"));

        Assert.Null(await Marks.GetUserAsync(User(Alice), None));
        Assert.NotNull(await Marks.GetUserAsync(User(Bob), None));
    }

    private static UserRef User(string id) => new("msteams", TeamsActivities.Tenant, id);

    private static JsonObject InTeam(JsonObject activity)
    {
        activity["conversation"]!["id"] = "19:general@thread.tacv2";
        activity["conversation"]!["conversationType"] = "channel";
        activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };
        return activity;
    }

    private async Task PostAsync(JsonObject activity)
    {
        var token = Issuer.Sign(ConnectorSpec());
        using var response = await Host.PostAsync(activity, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
