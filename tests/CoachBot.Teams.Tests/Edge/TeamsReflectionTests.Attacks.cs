using System.Net;
using CoachBot.Core.Reflections;
using CoachBot.Teams.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>Where a Teams channel is reached comes from the validated activity only, never from a body's claims or text.</summary>
public sealed partial class TeamsReflectionTests
{
    [Fact]
    public async Task ChannelDataNamingAnotherChannel_IsNotRecorded_AndHereIsRefused()
    {
        const string victimChannel = "19:finance@thread.tacv2";
        const string victimTeam = "19:finance-team@thread.tacv2";
        Connector.SetRoster(victimTeam, "29:mallory");
        var forged = ChannelMessage(Connector.ServiceUrl, "29:mallory", "team reflection on here Fri 16:00", channelId: victimChannel, team: victimTeam);
        forged["conversation"]!["id"] = ChannelId + ";messageid=42";

        var answer = await SendAsync(forged);

        Assert.Contains("did not tell me which channel", Text(answer), StringComparison.Ordinal);
        var victim = new TeamChannel("msteams", TeamsActivities.Tenant, TeamsChannelOrigin.Alias(victimChannel));
        Assert.Null(await Addresses.GetAsync(victim, CancellationToken.None));
        Assert.Null(await Reflections.GetAsync(victim, CancellationToken.None));
        Assert.DoesNotContain(Connector.Requests, r => r.Method == "GET");
    }

    [Fact]
    public async Task ServiceUrlInTheBodyOtherThanTheSignedOne_IsRefused_PostsAndRostersStayAtTheRealConnector()
    {
        Connector.SetRoster(Team, Lead, Ben, Cai);
        await InChannelAsync(Lead, "team reflection on here Fri 16:00");
        await PrivateReplyAsync(Lead, r => Text(r).Contains("is on", StringComparison.Ordinal));
        await using var attacker = await FakeConnector.FakeConnector.StartAsync();
        attacker.SetRoster(Team, "29:mallory");

        // The body names the attacker's connector; the token was issued for the real one.
        var forged = ChannelMessage(attacker.ServiceUrl, Lead, "team reflection status here");
        using var refused = await PostAsync(forged, signedFor: Connector.ServiceUrl);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // A command naming the channel by text gives no way in either: the address is the one the set-up stored.
        var viaText = TeamsActivities.Message(Connector.ServiceUrl, "29:mallory", $"team reflection on {Channel.DisplayName} Fri 16:00");
        var notMember = await SendAsync(viaText);
        Assert.Contains("aren't a member of " + Channel.DisplayName, Text(notMember), StringComparison.Ordinal);

        Assert.Equal(Connector.ServiceUrl.ToString(), (await Addresses.GetAsync(Channel, CancellationToken.None))!.ServiceUrl);
        Assert.Equal([Ben, Cai], await OpenAndSendAsync(TimeProvider.System.GetUtcNow()));
        var summary = await Service.CloseRoundAsync(Channel, TimeProvider.System.GetUtcNow().AddHours(1), CancellationToken.None);
        await Senders.PostAsync(Channel, summary!, CancellationToken.None);
        await Connector.WaitForAsync(r => r.ConversationId == ChannelId && r.ActivityId is null, Wait);
        Assert.Empty(attacker.Requests);
    }

    private ITeamChannelAddressStore Addresses => Host.Services.GetRequiredService<ITeamChannelAddressStore>();
}
