using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using CoachBot.Testing.Fakes;

namespace CoachBot.Core.Tests.Reflections;

/// <summary>
/// Real team membership (issue 16 section 4, docs/decisions/0037-real-team-membership.md): where a platform has a
/// roster, it decides who is invited; joining and leaving change the next round; posting alone makes nobody a member.
/// </summary>
public sealed class TeamMembershipTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TeamChannel Team = TeamChannel.For(CoachHarness.User(), "#team-a");

    [Fact]
    public async Task RefreshAsync_RosterChanged_AddsJoinersAndMarksLeaversGone()
    {
        var store = new InMemoryReflectionStore();
        var roster = new FakeChannelRoster();
        var membership = new TeamMembership(store, [roster]);
        await store.AddMemberAsync(Team, User("leaver"), None);
        await store.AddMemberAsync(Team, User("stays"), None);
        roster.Set(Team, User("stays"), User("joiner"));

        var members = await membership.RefreshAsync(Team, None);

        Assert.True(members.Visible);
        Assert.Equal(["joiner", "stays"], members.People.Select(p => p.UserId));
        Assert.Equal(["joiner", "stays"], (await store.ListMembersAsync(Team, None)).Select(p => p.UserId));
        Assert.Empty(await store.ListMembershipsAsync(User("leaver"), None));
    }

    [Fact]
    public async Task RefreshAsync_PeopleOfAnotherWorkspace_AreLeftOut()
    {
        var store = new InMemoryReflectionStore();
        var roster = new FakeChannelRoster();
        var membership = new TeamMembership(store, [roster]);
        roster.Set(Team, User("bob"), new UserRef("local", "other-tenant", "eve"), new UserRef("slack", "local", "mallory"));

        var members = await membership.RefreshAsync(Team, None);

        Assert.Equal([User("bob")], members.People);
        Assert.Equal([User("bob")], await store.ListMembersAsync(Team, None));
    }

    [Fact]
    public async Task RefreshAsync_ChannelNotVisible_InvitesNobodyAndKeepsTheRecords()
    {
        var store = new InMemoryReflectionStore();
        var roster = new FakeChannelRoster();
        var membership = new TeamMembership(store, [roster]);
        await store.AddMemberAsync(Team, User("bob"), None);
        roster.Hide(Team);

        var members = await membership.RefreshAsync(Team, None);

        Assert.False(members.Visible);
        Assert.Empty(members.People);
        Assert.Equal([User("bob")], await store.ListMembersAsync(Team, None));
    }

    [Fact]
    public async Task RefreshAsync_RosterUnavailable_ThrowsAndChangesNothing()
    {
        var store = new InMemoryReflectionStore();
        var roster = new FakeChannelRoster { FailWith = new ChannelRosterUnavailableException("down") };
        var membership = new TeamMembership(store, [roster]);
        await store.AddMemberAsync(Team, User("bob"), None);

        await Assert.ThrowsAsync<ChannelRosterUnavailableException>(() => membership.RefreshAsync(Team, None));

        Assert.Equal([User("bob")], await store.ListMembersAsync(Team, None));
    }

    [Fact]
    public async Task RecordPosterAsync_PlatformWithRoster_MakesNobodyAMember()
    {
        var store = new InMemoryReflectionStore();
        var withRoster = new TeamMembership(store, [new FakeChannelRoster()]);
        var withoutRoster = new TeamMembership(store, [new FakeChannelRoster("slack")]);

        await withRoster.RecordPosterAsync(Team, User("poster"), None);
        Assert.Empty(await store.ListMembersAsync(Team, None));

        await withoutRoster.RecordPosterAsync(Team, User("poster"), None);
        Assert.Equal([User("poster")], await store.ListMembersAsync(Team, None));
    }

    [Fact]
    public async Task OpenRoundAsync_JoinAndLeaveBetweenRounds_ChangeWhoIsInvitedNextRound()
    {
        var roster = new FakeChannelRoster();
        var harness = new CoachHarness(roster: roster);
        foreach (var name in new[] { "lead", "bob", "carol" })
        {
            await harness.OnboardAsync(name);
        }

        roster.Set(Team, User("lead"), User("bob"), User("carol"));
        var on = Assert.Single(await harness.SendAsync("team reflection on #team-a Fri 16:00", "lead"));
        Assert.False(on.IsError, on.Text);
        var first = await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);

        await harness.OnboardAsync("dave");
        roster.Set(Team, User("lead"), User("carol"), User("dave"));
        harness.Clock.Advance(TimeSpan.FromDays(7));
        var second = await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);

        Assert.Equal(["bob", "carol"], first.Select(i => i.Member.UserId).Order(StringComparer.Ordinal));
        Assert.Equal(["carol", "dave"], second.Select(i => i.Member.UserId).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await harness.Reflections.ListRoundsAsync(Team, None))[^1].InvitedCount);
        var bob = Assert.Single(await harness.SendAsync("reflect #team-a", "bob"));
        var dave = Assert.Single(await harness.SendAsync("reflect #team-a", "dave"));
        Assert.Contains("no team reflection open for you", bob.Text, StringComparison.Ordinal);
        Assert.NotNull(dave.Form);
    }

    [Fact]
    public async Task OpenRoundAsync_RosterUnavailable_OpensNoRoundSoTheNextTryCan()
    {
        var roster = new FakeChannelRoster();
        var harness = new CoachHarness(roster: roster);
        await harness.OnboardAsync("lead");
        await harness.OnboardAsync("bob");
        roster.Set(Team, User("lead"), User("bob"));
        Assert.False(Assert.Single(await harness.SendAsync("team reflection on #team-a Fri 16:00", "lead")).IsError);

        roster.FailWith = new ChannelRosterUnavailableException("down");
        await Assert.ThrowsAsync<ChannelRosterUnavailableException>(() => harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None));
        Assert.Empty(await harness.Reflections.ListRoundsAsync(Team, None));

        roster.FailWith = null;
        var invitations = await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None);
        Assert.Equal(["bob"], invitations.Select(i => i.Member.UserId));
    }

    [Fact]
    public async Task TeamReflectionOn_LeadInTheRosterWhoNeverPosted_IsAccepted()
    {
        var roster = new FakeChannelRoster();
        var harness = new CoachHarness(roster: roster);
        await harness.OnboardAsync("lead");
        roster.Set(Team, User("lead"), User("bob"));

        var reply = Assert.Single(await harness.SendAsync("team reflection on #team-a Fri 16:00", "lead"));

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(["bob", "lead"], (await harness.Reflections.ListMembersAsync(Team, None)).Select(m => m.UserId));
    }

    [Theory]
    [InlineData("absent", "You aren't a member of #team-a")]
    [InlineData("hidden", "I can't see who is in #team-a")]
    [InlineData("down", "I couldn't check who is in #team-a just now")]
    public async Task TeamReflectionOn_LeadNotConfirmedByTheRoster_IsRefusedWithWhatToDo(string situation, string expected)
    {
        var roster = new FakeChannelRoster();
        var harness = new CoachHarness(roster: roster);
        await harness.OnboardAsync("lead");
        await harness.TeamReflections.RecordMemberAsync(Team, User("lead"), None);
        roster.Set(Team, User("bob"));
        if (situation == "hidden")
        {
            roster.Hide(Team);
        }
        else if (situation == "down")
        {
            roster.FailWith = new ChannelRosterUnavailableException("down");
        }

        var reply = Assert.Single(await harness.SendAsync("team reflection on #team-a Fri 16:00", "lead"));

        Assert.True(reply.IsError);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", reply.Text, StringComparison.Ordinal);
        Assert.Null(await harness.Reflections.GetAsync(Team, None));
    }

    [Fact]
    public async Task TeamReflectionOffAndStatus_DoNotAskTheRoster()
    {
        var roster = new FakeChannelRoster();
        var harness = new CoachHarness(roster: roster);
        await harness.OnboardAsync("lead");
        roster.Set(Team, User("lead"), User("bob"));
        Assert.False(Assert.Single(await harness.SendAsync("team reflection on #team-a Fri 16:00", "lead")).IsError);
        var afterSetUp = roster.Calls;

        foreach (var command in new[] { "team reflection status", "team reflection status #team-a", "team reflection off #team-a" })
        {
            var reply = Assert.Single(await harness.SendAsync(command, "lead"));
            Assert.False(reply.IsError, command + ": " + reply.Text);
        }

        // Setting up asked the roster (so the count sees calls); looking at or switching off a reflection does not.
        Assert.Equal(1, afterSetUp);
        Assert.Equal(afterSetUp, roster.Calls);
        Assert.False((await harness.Reflections.GetAsync(Team, None))!.Enabled);
    }

    private static UserRef User(string id) => CoachHarness.User(id);
}
