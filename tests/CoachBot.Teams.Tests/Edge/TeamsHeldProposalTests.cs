using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;
using CoachBot.Teams.Tests.FakeConnector;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>
/// A manager proposes 1-on-1s to a colleague who never added CoachBot in Teams: the bot cannot message them, so it
/// says how they add it and keeps the proposal; the moment they add the app, the proposal reaches their chat and the
/// manager hears it arrived. Over real HTTP, replies captured by the fake connector.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TeamsHeldProposalTests : IAsyncLifetime
{
    private const string Alice = "29:alice";
    private const string Bob = "29:bob";
    private const string BobsChat = "a:personal-chat-bob";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly AzuriteFixture _azurite;
    private TeamsHost _host = null!;
    private FakeConnector.FakeConnector _connector = null!;

    public TeamsHeldProposalTests(AzuriteFixture azurite) => _azurite = azurite;

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
    public async Task Setup_ReportWithoutTheApp_IsHeldUntilTheyAddItThenDeliveredToThemAndTheManagerIsTold()
    {
        var setup = await SendAsync(TeamsActivities.Message(_connector.ServiceUrl, Alice, "1on1 setup @29:bob weekly tue 15:00"));
        Assert.Contains("I'm keeping the proposal: the moment they add it", Text(setup), StringComparison.Ordinal);
        var alice = new UserRef("msteams", TeamsActivities.Tenant, Alice);
        var held = Assert.Single(await _host.Services.GetRequiredService<IOneOnOneStore>().ListPairingsAsync(alice, CancellationToken.None));
        Assert.True(held.ProposalHeld);
        Assert.DoesNotContain(_connector.Requests, r => r.ConversationId == BobsChat);

        var install = TeamsActivities.Base("installationUpdate", _connector.ServiceUrl, Bob, null, BobsChat);
        install["action"] = "add";
        using (var response = await _host.PostAsync(install))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var proposal = await _connector.WaitForAsync(r => r.ConversationId == BobsChat && Text(r).Contains("would like to have 1-on-1s", StringComparison.Ordinal), Wait);
        Assert.Contains("@29:alice", Text(proposal), StringComparison.Ordinal);
        var told = await _connector.WaitForAsync(r => r.ConversationId == "a:personal-chat-1" && Text(r).Contains("I've just given them your 1-on-1 proposal", StringComparison.Ordinal), Wait);
        Assert.Contains("@29:bob", Text(told), StringComparison.Ordinal);
        Assert.False(Assert.Single(await _host.Services.GetRequiredService<IOneOnOneStore>().ListPairingsAsync(alice, CancellationToken.None)).ProposalHeld);

        // Teams announces the install a second time; the proposal is not repeated.
        var again = TeamsActivities.BotAdded(_connector.ServiceUrl, Bob);
        again["conversation"]!["id"] = BobsChat;
        (await _host.PostAsync(again)).Dispose();
        await SendAsync(TeamsActivities.Message(_connector.ServiceUrl, Bob, "help", conversation: BobsChat));
        Assert.Single(_connector.Requests, r => r.ConversationId == BobsChat && Text(r).Contains("would like to have 1-on-1s", StringComparison.Ordinal));
    }

    private async Task<ConnectorRequest> SendAsync(JsonObject activity)
    {
        var id = (string)activity["id"]!;
        using var response = await _host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _connector.WaitForAsync(r => r.ActivityId == id, Wait);
    }

    private static string Text(ConnectorRequest request) => request.Body?["text"]?.ToString() ?? string.Empty;
}
