using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Core.Installations;
using CoachBot.Core.Users;
using CoachBot.Teams.Tests.Auth;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// Removing CoachBot in Teams starts the uninstall grace period (docs/decisions/0021-uninstall-grace-period.md):
/// team scope marks the tenant, personal scope only that user, a group chat no one; adding it again or any activity
/// clears the mark. Real HTTP with Bot Framework tokens, as Teams signs them, against the real host and Azurite.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TeamsUninstallTests : IAsyncLifetime
{
    private const string Alice = "29:alice";
    private const string Bob = "29:bob";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteFixture _azurite;
    private readonly TestTokenIssuer _issuer = new();
    private FakeConnector.FakeConnector _connector = null!;
    private TeamsHost _host = null!;

    public TeamsUninstallTests(AzuriteFixture azurite) => _azurite = azurite;

    private IPendingUninstallStore Marks => _host.Services.GetRequiredService<IPendingUninstallStore>();

    public async Task InitializeAsync()
    {
        await _issuer.InitializeAsync();
        _connector = await FakeConnector.FakeConnector.StartAsync();
        _host = await TeamsHost.StartAuthenticatedAsync(_azurite, _issuer);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Remove_TeamScope_MarksNoOne()
    {
        // Anyone who may create a team could add CoachBot to it and remove it again: that must not schedule the
        // deletion of every quiet colleague's data. People keep their own personal installs.
        await PostAsync(InTeam(TeamsActivities.InstallationUpdate(_connector.ServiceUrl, Alice, "remove")));

        Assert.Empty(await Marks.ListAllAsync(None));
    }

    [Fact]
    public async Task Remove_PersonalScope_MarksOnlyThatUser()
    {
        await PostAsync(TeamsActivities.InstallationUpdate(_connector.ServiceUrl, Alice, "remove"));

        Assert.NotNull(await Marks.GetUserAsync(User(Alice), None));
        Assert.Null(await Marks.GetAsync("msteams", TeamsActivities.Tenant, None));
        Assert.Null(await Marks.GetUserAsync(User(Bob), None));
    }

    [Fact]
    public async Task Remove_GroupChat_MarksNoOne()
    {
        var activity = TeamsActivities.InstallationUpdate(_connector.ServiceUrl, Alice, "remove");
        activity["conversation"]!["id"] = "19:group-chat@thread.v2";
        activity["conversation"]!["conversationType"] = "groupChat";

        await PostAsync(activity);

        Assert.Empty(await Marks.ListAllAsync(None));
    }

    [Fact]
    public async Task Add_AfterAPersonalRemove_ClearsTheMark()
    {
        await PostAsync(TeamsActivities.InstallationUpdate(_connector.ServiceUrl, Alice, "remove"));
        Assert.NotNull(await Marks.GetUserAsync(User(Alice), None));

        await PostAsync(TeamsActivities.InstallationUpdate(_connector.ServiceUrl, Alice, "add"));

        Assert.Null(await Marks.GetUserAsync(User(Alice), None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheBotsRemovalNotice_InEitherOrder_IsNotUseAndKeepsTheMark(bool noticeFirst)
    {
        // Teams also tells of the removal with a conversationUpdate naming the bot among the members removed.
        var notice = TeamsActivities.Base("conversationUpdate", _connector.ServiceUrl, Alice, null, "a:personal-chat-1");
        notice["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = TeamsActivities.Bot });
        var remove = TeamsActivities.InstallationUpdate(_connector.ServiceUrl, Alice, "remove");

        await PostAsync(noticeFirst ? notice : remove);
        await PostAsync(noticeFirst ? remove : notice);

        Assert.NotNull(await Marks.GetUserAsync(User(Alice), None));
    }

    [Fact]
    public async Task Message_AfterRemoves_ClearsTheSendersOwnMarkButNotAnotherUsers()
    {
        await PostAsync(TeamsActivities.InstallationUpdate(_connector.ServiceUrl, Alice, "remove"));
        await PostAsync(TeamsActivities.InstallationUpdate(_connector.ServiceUrl, Bob, "remove"));

        await PostAsync(TeamsActivities.Message(_connector.ServiceUrl, Alice, "help"));

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
        var token = _issuer.Sign(TestTokenIssuer.BotFrameworkSpec(TimeProvider.System.GetUtcNow()) with { ServiceUrl = _connector.ServiceUrl.ToString() });
        using var response = await _host.PostAsync(activity, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
