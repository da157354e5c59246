using CoachBot.Core.Reflections;
using CoachBot.Slack.Api;
using CoachBot.Slack.Inbound;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Slack.Tests.Api;

/// <summary>
/// <see cref="SlackChannelRoster"/> against the fake Web API over HTTP: every page of conversations.members, people
/// only, and the difference between a channel CoachBot cannot see and a Slack that cannot answer now.
/// </summary>
public sealed class SlackChannelRosterTests : IAsyncLifetime
{
    private static readonly TeamChannel Channel = new("slack", SlackApiHarness.Team.TenantId, "C0BIG");
    private SlackApiHarness _h = null!;
    private SlackChannelRoster _roster = null!;

    public async Task InitializeAsync()
    {
        _h = await SlackApiHarness.StartAsync();
        var hints = new SlackUserHints(_h.Client, TimeProvider.System, NullLogger<SlackUserHints>.Instance);
        _roster = new SlackChannelRoster(_h.Client, hints, NullLogger<SlackChannelRoster>.Instance, pageSize: 3);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ListPeople_MoreThanOnePage_ReadsEveryPageAndKeepsPeopleOnly()
    {
        var people = Enumerable.Range(0, 5).Select(i => $"U{i:000}").ToList();
        foreach (var id in people)
        {
            _h.Slack.AddUser(id);
        }

        _h.Slack.AddUser("U0BOT", isBot: true);
        _h.Slack.AddUser("U0GONE", deleted: true);
        _h.Slack.ChannelMembers[Channel.ConversationId] = [.. people, "U0BOT", "U0GONE", "USLACKBOT", "U0UNKNOWN", "U000"];
        // 5 people, a bot, a deactivated account, Slackbot, an id users.info no longer knows and a repeat: 10 ids in pages of 3.

        var listed = await _roster.ListPeopleAsync(Channel, CancellationToken.None);

        Assert.NotNull(listed);
        Assert.Equal(people, listed.Select(p => p.UserId));
        Assert.All(listed, p => Assert.Equal(("slack", SlackApiHarness.Team.TenantId), (p.Channel, p.TenantId)));
        Assert.Equal(4, _h.Slack.CallsTo("conversations.members").Count);
        Assert.Equal("C0BIG", (string?)_h.Slack.CallsTo("conversations.members")[0].Body["channel"]);
    }

    [Fact]
    public async Task ListPeople_ChannelNotFound_IsNotVisible()
    {
        Assert.Null(await _roster.ListPeopleAsync(Channel, CancellationToken.None));
    }

    [Fact]
    public async Task ListPeople_SlackFailing_IsUnavailableNotEmpty()
    {
        _h.Slack.ChannelMembers[Channel.ConversationId] = ["U1"];
        _h.Slack.FailNext("conversations.members", 500, times: 10);

        var failure = await Assert.ThrowsAsync<ChannelRosterUnavailableException>(() => _roster.ListPeopleAsync(Channel, CancellationToken.None));

        Assert.IsType<SlackApiException>(failure.InnerException);
        _h.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task ListPeople_UsersInfoFailing_IsUnavailableRatherThanDroppingThePerson()
    {
        _h.Slack.AddUser("U1");
        _h.Slack.ChannelMembers[Channel.ConversationId] = ["U1"];
        _h.Slack.FailNext("users.info", 500, times: 10);

        await Assert.ThrowsAsync<ChannelRosterUnavailableException>(() => _roster.ListPeopleAsync(Channel, CancellationToken.None));
    }
}
