using CoachBot.Slack.Inbound;

namespace CoachBot.Slack.Tests.Edge;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("1on1 setup <@U0BOB> weekly tue 15:00", "1on1 setup @U0BOB weekly tue 15:00")]
    [InlineData("1on1 setup <@U0BOB|bob> weekly tue 15:00", "1on1 setup @U0BOB weekly tue 15:00")]
    [InlineData("team reflection on <#C0TEAM|team-a> fri 16:00", "team reflection on #C0TEAM fri 16:00")]
    [InlineData("log 1 tried &lt;b&gt; &amp; more", "log 1 tried <b> & more")]
    [InlineData("  help  ", "help")]
    public void Plain_TurnsSlackReferencesIntoWhatTheCoreReads(string slack, string core) =>
        Assert.Equal(core, SlackText.Plain(slack));

    [Theory]
    [InlineData("<@UBOT> 1on1 setup <@U0BOB> weekly tue 15:00", "1on1 setup @U0BOB weekly tue 15:00")]
    [InlineData("<@UBOT|coachbot> help", "help")]
    [InlineData("help", "help")]
    public void WithoutMentions_DropsOnlyTheLeadingAddress(string slack, string core) =>
        Assert.Equal(core, SlackText.WithoutMentions(slack));
}
