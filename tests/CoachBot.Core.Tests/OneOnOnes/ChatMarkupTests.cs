using CoachBot.Core.OneOnOnes.Calendar;

namespace CoachBot.Core.Tests.OneOnOnes;

/// <summary>Chat markup becomes text a calendar can show as it is.</summary>
public sealed class ChatMarkupTests
{
    [Theory]
    [InlineData("ask <@U0BOB>", "ask @U0BOB")]
    [InlineData("ask <@U0BOB|bob>", "ask @bob")]
    [InlineData("post in <#C01|team-news>", "post in #team-news")]
    [InlineData("post in <#C01>", "post in #C01")]
    [InlineData("read <https://docs.example/plan|the plan>", "read the plan (https://docs.example/plan)")]
    [InlineData("read <https://docs.example/plan>", "read https://docs.example/plan")]
    [InlineData("mail <mailto:ann@example.com|ann@example.com>", "mail ann@example.com")]
    [InlineData("tell <!here> and <!subteam^S01|@leads>", "tell @here and @leads")]
    [InlineData("thank <at>Bob Smith</at> today", "thank @Bob Smith today")]
    [InlineData("a &lt;b&gt; &amp; c", "a <b> & c")]
    [InlineData("3 < 4 and 5 > 2", "3 < 4 and 5 > 2")]
    [InlineData("one\r\ntwo\rthree\u0007", "one\ntwo\nthree")]
    public void ToPlainText_SlackAndTeamsMarkup_IsReadableText(string markup, string expected) =>
        Assert.Equal(expected, ChatMarkup.ToPlainText(markup));
}
