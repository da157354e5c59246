using CoachBot.Core.Reflections;

namespace CoachBot.Core.Tests.Reflections;

public sealed class ReflectionSummaryTests
{
    private static readonly TeamChannel Team = new("local", "local", "team-a");
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_FewerThanThreeAnswered_ShowsParticipationOnly()
    {
        var answers = new[]
        {
            Answer("I did recruiting interviews and management of the release", quote: true),
            Answer("More recruiting and management work", quote: true),
        };

        var reply = Build(Round(invited: 5), answers);

        Assert.Contains("2 of 5 members answered (40%)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Fewer than 3 people answered", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("recruiting", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("“", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Sections, s => s.Fields.Count > 0);
    }

    [Fact]
    public void Build_ThreeAnswered_QuotesOnlyConsentedAnswers()
    {
        var answers = new[]
        {
            Answer("Shared: pairing helped", quote: true),
            Answer("Private: my manager blocked me", quote: false),
            Answer("Shared too: the demo went well", quote: true),
        };

        var reply = Build(Round(invited: 4), answers);

        Assert.Contains("3 of 4 members answered (75%)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("“Shared: pairing helped”", reply.Text, StringComparison.Ordinal);
        Assert.Contains("“Shared too: the demo went well”", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Private", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ThemeInTwoAnswersEitherLanguage_IsCountedAndSingleMentionIsNot()
    {
        var answers = new[]
        {
            Answer("Ran two interviews for recruiting"),
            Answer("採用の面接に出ました"),
            Answer("Talked to finance about the business case"),
        };

        var reply = Build(Round(invited: 3), answers);

        var themes = reply.Sections.Single(s => s.Title == "Themes from the five actions");
        var theme = Assert.Single(themes.Fields);
        Assert.Equal("Get involved in hiring", theme.Label);
        Assert.Equal("mentioned in 2 answers", theme.Value);
    }

    [Fact]
    public void Build_NobodyInvited_SaysNobodyWasAskedInsteadOfZeroPercent()
    {
        var reply = Build(Round(invited: 0), []);

        Assert.Equal(
            "No one was asked this week: I found no members in #team-a. In Slack or Teams, check that I'm still in the channel (or the team); in a local channel, anyone who writes to me there becomes a member. The next round asks whoever is in it then.",
            Assert.Single(reply.Sections).Body);
        Assert.DoesNotContain("0%", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NobodyAnswered_SaysThereIsNothingToSummariseYet()
    {
        var reply = Build(Round(invited: 4), [Answer("   ")]);

        Assert.Equal(["Participation: 0 of 4 members answered (0%).", "Nobody answered this week, so there is nothing to summarise yet."], reply.Sections.Select(s => s.Body));
        Assert.DoesNotContain("Fewer than 3", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NobodyAnsweredInJapanese_SaysSoInJapanese()
    {
        var library = CoachHarness.Content;

        var reply = ReflectionSummary.Build(library, library.For("ja"), Round(invited: 0), []);

        Assert.Contains("今週は誰にも問いを送っていません", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_QuotesAreGroupedUnderTheirPromptInFormOrderWithTheCountOfEach()
    {
        AnonymousAnswer Three(string learned, string blocked, string actions) => new(
        [
            new AnswerPart("learned", learned, MayQuote: true),
            new AnswerPart("blocked", blocked, MayQuote: true),
            new AnswerPart("five-actions", actions, MayQuote: false),
        ]);
        var answers = new[]
        {
            Three("Learned the deploy tool", "Waiting on reviews", "Ran an interview"),
            Three("Learned to say no", string.Empty, "Mentored a junior"),
            Three(string.Empty, "Flaky tests", string.Empty),
        };

        var reply = Build(Round(invited: 3), answers);

        var prompts = CoachHarness.Content.For("en").ReflectionPrompts;
        var learned = HomeSection(reply, prompts.Single(p => p.Id == "learned").Text);
        var blocked = HomeSection(reply, prompts.Single(p => p.Id == "blocked").Text);
        var actions = HomeSection(reply, prompts.Single(p => p.Id == "five-actions").Text);
        Assert.Equal(["2 answers", "“Learned the deploy tool”", "“Learned to say no”"], learned.Body!.Split('\n'));
        Assert.Equal(["2 answers", "“Flaky tests”", "“Waiting on reviews”"], blocked.Body!.Split('\n'));
        Assert.Equal("2 answers", actions.Body);
        var titles = reply.Sections.Select(s => s.Title).ToList();
        Assert.True(titles.IndexOf(learned.Title) < titles.IndexOf(blocked.Title) && titles.IndexOf(blocked.Title) < titles.IndexOf(actions.Title));
        Assert.DoesNotContain("Nobody chose to share a quote", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ThemeLine_CountsWholeWordsAndNamesTheWordsTheAnswersUsed()
    {
        var answers = new[]
        {
            Answer("My manager talked about the roadmap"),
            Answer("The manager settled a dispute; we talked a lot"),
            Answer("Ran an interview and reviewed a candidate"),
            Answer("Two interviews this week"),
        };

        var reply = Build(Round(invited: 4), answers);

        var themes = reply.Sections.Single(s => s.Title == "Themes from the five actions");
        var theme = Assert.Single(themes.Fields);
        Assert.Equal(("Get involved in hiring", "mentioned in 2 answers (interview)"), (theme.Label, theme.Value));
        Assert.DoesNotContain(themes.Fields, f => f.Label == CoachHarness.Content.For("en").FindAction("management")!.Title);
    }

    [Theory]
    [InlineData("I talked to sales", "talk", false)]
    [InlineData("my manager", "manage", false)]
    [InlineData("Gave a talk at a meetup", "meetup", true)]
    [InlineData("1-on-1 with Sam", "1-on-1", true)]
    [InlineData("採用の面接に出ました", "面接", true)]
    [InlineData("INTERVIEW day", "interview", true)]
    [InlineData("two interviews", "interview", true)]
    [InlineData("interviewer", "interview", false)]
    public void Mentions_WholeWordsOnlyExceptWhereTheScriptHasNoSpaces(string text, string keyword, bool expected)
    {
        Assert.Equal(expected, ReflectionSummary.Mentions(text, keyword));
    }

    [Fact]
    public void Build_BlankAnswers_DoNotCountAsParticipation()
    {
        var reply = Build(Round(invited: 3), [Answer("  "), Answer("real"), Answer(string.Empty)]);

        Assert.Contains("1 of 3 members answered (33%)", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Japanese_UsesJapaneseSentences()
    {
        var library = CoachHarness.Content;

        var reply = ReflectionSummary.Build(library, library.For("ja"), Round(invited: 2), [Answer("a")]);

        Assert.Contains("メンバー2人中1人が回答しました（50%）", reply.Text, StringComparison.Ordinal);
    }

    private static Conversation.ReplySection HomeSection(Conversation.Reply reply, string title) => Assert.Single(reply.Sections, s => s.Title == title);

    private static Conversation.Reply Build(ReflectionRound round, IReadOnlyList<AnonymousAnswer> answers) =>
        ReflectionSummary.Build(CoachHarness.Content, CoachHarness.Content.For("en"), round, answers);

    private static ReflectionRound Round(int invited) =>
        new(Team, "2026-W48", Friday, Friday.AddDays(3), ["learned", "blocked", "five-actions"], invited);

    private static AnonymousAnswer Answer(string text, bool quote = false) =>
        new([new AnswerPart("learned", text, quote), new AnswerPart("blocked", string.Empty, false)]);
}
