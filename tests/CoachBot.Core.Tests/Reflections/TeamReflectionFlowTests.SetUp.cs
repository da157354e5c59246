using CoachBot.Core.Conversation;

namespace CoachBot.Core.Tests.Reflections;

/// <summary>Setting a team reflection up and switching it off: day and time input, who may, and in which zone.</summary>
public sealed partial class TeamReflectionFlowTests
{
    [Theory]
    [InlineData("Fryday 16:00", "Did you mean Friday?")]
    [InlineData("Fri 24:30", "\"24:30\" isn't a time of day")]
    public async Task TeamReflectionOn_DayTypoOrTimeOutOfRange_SaysWhatIsWrongAndSavesNothing(string when, string expected)
    {
        var reply = await RefusedAsync(await TeamAsync("lead"), "team reflection on #team-a " + when);

        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamReflectionOn_JapaneseUser_SuggestsAndAcceptsJapaneseDayNames()
    {
        var harness = await TeamAsync("lead");
        await harness.SendAsync("settings language ja", "lead");

        var typo = Assert.Single(await harness.SendAsync("team reflection on #team-a Fridya 16:00", "lead"));
        var done = Assert.Single(await harness.SendAsync("team reflection on #team-a 金曜日 16:00", "lead"));

        Assert.Contains("金曜日 のことでしょうか", typo.Text, StringComparison.Ordinal);
        Assert.False(done.IsError, done.Text);
        Assert.Contains("毎週金曜日の16:00", done.Text, StringComparison.Ordinal);
        Assert.Equal(DayOfWeek.Friday, (await harness.Reflections.GetAsync(Team, None))!.Day);
    }

    [Fact]
    public async Task TeamReflectionOn_NotSeenInChannel_IsRefused()
    {
        var harness = await TeamAsync("lead");
        await harness.OnboardAsync("stranger");

        await RefusedAsync(harness, "team reflection on #team-a Fri 16:00", "stranger");
    }

    [Fact]
    public async Task TeamReflectionOn_Valid_SavesInLeadsZoneAndOthersCannotChangeIt()
    {
        var harness = await TeamAsync("lead", "bob");

        var reply = Assert.Single(await harness.SendAsync("team reflection on #team-a fri 16:00", "lead"));
        var other = Assert.Single(await harness.SendAsync("team reflection off #team-a", "bob"));

        Assert.False(reply.IsError, reply.Text);
        Assert.Contains("Next one: 2026-11-27 16:00", reply.Text, StringComparison.Ordinal);
        var saved = await harness.Reflections.GetAsync(Team, None);
        Assert.Equal((DayOfWeek.Friday, new TimeOnly(16, 0), "Asia/Tokyo", true), (saved!.Day, saved.Time, saved.TimeZoneId, saved.Enabled));
        Assert.True(other.IsError);
        Assert.True((await harness.Reflections.GetAsync(Team, None))!.Enabled);
    }

    [Fact]
    public async Task TeamReflectionOff_ByLead_DisablesAndOpenRoundSendsNothing()
    {
        var harness = await EnabledTeamAsync("lead", "bob", "carol");

        await harness.SendAsync("team reflection off #team-a", "lead");

        Assert.False((await harness.Reflections.GetAsync(Team, None))!.Enabled);
        Assert.Empty(await harness.TeamReflections.OpenRoundAsync(Team, harness.Clock.GetUtcNow(), None));
    }

    /// <summary>
    /// Sends <paramref name="command"/> as <paramref name="sender"/> and checks it was refused: a single error reply,
    /// and still no reflection saved for #team-a. Returns the reply for what it should say.
    /// </summary>
    private static async Task<Reply> RefusedAsync(CoachHarness harness, string command, string sender = "lead")
    {
        var reply = Assert.Single(await harness.SendAsync(command, sender));
        Assert.True(reply.IsError);
        Assert.Null(await harness.Reflections.GetAsync(Team, None));
        return reply;
    }
}
