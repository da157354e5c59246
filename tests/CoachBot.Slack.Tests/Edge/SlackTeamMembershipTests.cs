using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Slack.BlockKit;
using CoachBot.Slack.Inbound;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>
/// Team reflections over Slack invite the channel's real members (issue 16 section 4): conversations.members decides,
/// bots, Slackbot and deactivated people are skipped, and joining or leaving changes the next round.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackTeamMembershipTests : IAsyncLifetime
{
    private const string Lead = "U0LEAD";
    private const string Bob = "U0BOB";
    private const string Carol = "U0CAROL";
    private const string Dave = "U0DAVE";
    private const string Gone = "U0GONE";
    private const string Robot = "U0ROBOT";
    private const string ChannelId = "C0TEAMA";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TeamChannel Team = new("slack", SlackHost.Team, ChannelId);

    private readonly AzuriteFixture _azurite;
    private SlackHost _host = null!;

    public SlackTeamMembershipTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        _host = await SlackHost.StartAsync(_azurite);
        foreach (var person in new[] { Lead, Bob, Carol, Dave })
        {
            _host.Slack.AddUser(person, tz: "Europe/Berlin");
        }

        _host.Slack.AddUser(Gone, deleted: true);
        _host.Slack.AddUser(Robot, isBot: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TeamReflectionOn_ChannelAsSlackEscapesIt_RecordsTheRealMembersWithoutBotsOrDeactivated()
    {
        await OnboardAsync(Lead);
        _host.Slack.ChannelMembers[ChannelId] = [Lead, Bob, Carol, Gone, Robot, "USLACKBOT"];

        var reply = await CommandAsync(Lead, $"team reflection on <#{ChannelId}|team-a> Fri 16:00");

        Assert.Contains("#" + ChannelId, (string?)reply["text"], StringComparison.Ordinal);
        Assert.NotNull(await Reflections.GetAsync(Team, None));
        Assert.Equal([Bob, Carol, Lead], (await Reflections.ListMembersAsync(Team, None)).Select(m => m.UserId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OpenRound_JoinLeaveAndDeactivationBetweenRounds_ChangeWhoIsInvited()
    {
        await OnboardAsync(Lead);
        _host.Slack.ChannelMembers[ChannelId] = [Lead, Bob, Carol, Robot];
        await CommandAsync(Lead, $"team reflection on <#{ChannelId}|team-a> Fri 16:00");
        var service = _host.Services.GetRequiredService<TeamReflectionService>();
        var now = _host.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        var first = await service.OpenRoundAsync(Team, now, None);

        // Bob leaves, Dave joins, and Carol's account is deactivated (Slack keeps her in the member list and says so
        // with a user_change event).
        _host.Slack.ChannelMembers[ChannelId] = [Lead, Carol, Dave, Robot];
        var deactivated = new JsonObject { ["type"] = "user_change", ["user"] = new JsonObject { ["id"] = Carol, ["deleted"] = true, ["tz"] = "Europe/Berlin" } };
        Assert.Equal(HttpStatusCode.OK, (await _host.PostEventAsync(SlackPayloads.Envelope("Ev0CAROLGONE", deactivated))).StatusCode);
        var hints = _host.Services.GetRequiredService<SlackUserHints>();
        await SlackHost.WaitUntilAsync(() => Task.FromResult(hints.Cached(new SlackTeam(SlackHost.Team), Carol)?.Deleted == true), "user_change reaches the cache");
        var second = await service.OpenRoundAsync(Team, now.AddDays(7), None);

        Assert.Equal([Bob, Carol], first.Select(i => i.Member.UserId).Order(StringComparer.Ordinal));
        Assert.Equal([Dave], second.Select(i => i.Member.UserId));
        Assert.Empty(await Reflections.ListMembershipsAsync(User(Bob), None));
    }

    [Fact]
    public async Task TeamReflectionOn_PrivateChannelWithoutTheBot_SaysToInviteItAndSavesNothing()
    {
        await OnboardAsync(Lead);

        var reply = await CommandAsync(Lead, $"team reflection on <#G0SECRET|secret> Fri 16:00");

        Assert.Contains("/invite @CoachBot", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Null(await Reflections.GetAsync(new TeamChannel("slack", SlackHost.Team, "G0SECRET"), None));
    }

    [Fact]
    public async Task TeamReflectionOn_NotInTheChannel_IsRefusedEvenAfterMentioningTheBotThere()
    {
        await OnboardAsync(Lead);
        _host.Slack.ChannelMembers[ChannelId] = [Bob, Carol];
        var mention = new JsonObject { ["type"] = "app_mention", ["user"] = Lead, ["channel"] = ChannelId, ["text"] = "<@U0BOT> help", ["ts"] = "1.0" };
        Assert.Equal(HttpStatusCode.OK, (await _host.PostEventAsync(SlackPayloads.Envelope("Ev0LEADMENTION", mention))).StatusCode);
        await _host.Slack.WaitForCallAsync("chat.postEphemeral");

        var reply = await CommandAsync(Lead, $"team reflection on <#{ChannelId}|team-a> Fri 16:00");

        Assert.Contains("You aren't a member of", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Null(await Reflections.GetAsync(Team, None));
        Assert.DoesNotContain(User(Lead), await Reflections.ListMembersAsync(Team, None));
    }

    private IReflectionStore Reflections => _host.Services.GetRequiredService<IReflectionStore>();

    private static UserRef User(string id) => new("slack", SlackHost.Team, id);

    private async Task OnboardAsync(string user)
    {
        await CommandAsync(user, "start");
        foreach (var (action, value) in new[] { ("onboarding.role", "manager"), ("onboarding.path", "internal"), ("onboarding.time", "09:00"), ("onboarding.days", "mon-fri") })
        {
            var payload = SlackPayloads.BlockAction(user, SlackActionCodec.EncodeActionId(action, 0), SlackActionCodec.EncodeValue(new Dictionary<string, string> { ["value"] = value }), _host.Slack.ResponseUrl("onboarding").ToString());
            Assert.Equal(HttpStatusCode.OK, (await _host.PostInteractionAsync(payload)).StatusCode);
        }

        Assert.Equal(OnboardingStep.Complete, (await _host.Services.GetRequiredService<IUserStore>().GetAsync(User(user), None))?.Onboarding);
        _host.Slack.Reset();
    }

    private async Task<JsonObject> CommandAsync(string user, string text)
    {
        using var response = await _host.PostCommandAsync(SlackPayloads.Command(user, text, _host.Slack.ResponseUrl("cmd").ToString(), triggerId: $"trigger-{Guid.NewGuid():N}"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/coach {text} -> {(int)response.StatusCode} {body}");
        return body.Length == 0 ? [] : JsonNode.Parse(body)!.AsObject();
    }
}
