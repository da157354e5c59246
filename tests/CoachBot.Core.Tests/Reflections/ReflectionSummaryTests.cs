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
    public void Build_NobodyInvited_ReportsZeroPercent()
    {
        var reply = Build(Round(invited: 0), []);

        Assert.Contains("0 of 0 members answered (0%)", reply.Text, StringComparison.Ordinal);
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

    private static Conversation.Reply Build(ReflectionRound round, IReadOnlyList<AnonymousAnswer> answers) =>
        ReflectionSummary.Build(CoachHarness.Content, CoachHarness.Content.For("en"), round, answers);

    private static ReflectionRound Round(int invited) =>
        new(Team, "2026-W48", Friday, Friday.AddDays(3), ["learned", "blocked", "five-actions"], invited);

    private static AnonymousAnswer Answer(string text, bool quote = false) =>
        new([new AnswerPart("learned", text, quote), new AnswerPart("blocked", string.Empty, false)]);
}
