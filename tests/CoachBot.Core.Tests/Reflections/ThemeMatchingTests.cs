using CoachBot.Core.Reflections;

namespace CoachBot.Core.Tests.Reflections;

/// <summary>Reflection themes count words, not substrings, in English and Japanese, and follow the seed's filing.</summary>
public sealed class ThemeMatchingTests
{
    [Theory]
    [InlineData("I called a meeting with sales", "led a", false)]
    [InlineData("I led a retro for the team", "led a", true)]
    [InlineData("She was led astray by the plan", "led a", false)]
    [InlineData("We led as a pair", "led a", false)]
    [InlineData("Three candidates this week", "candidate", true)]
    [InlineData("The customer-facing demo", "customer", true)]
    [InlineData("Businesses around us", "business", false)]
    public void Mentions_English_MatchesWholeWordsOnly(string text, string keyword, bool expected)
    {
        Assert.Equal(expected, ReflectionSummary.Mentions(text, keyword));
    }

    [Theory]
    [InlineData("リードタイムを短縮しました", "リード", false)]
    [InlineData("設計レビューをリードしました", "リード", true)]
    [InlineData("プロジェクトマネジメントの本を読んだ", "マネジメント", false)]
    [InlineData("チームのマネジメントで悩んだ", "マネジメント", true)]
    [InlineData("キャリアパスの面談をした", "キャリア", false)]
    [InlineData("自分のキャリアを考えた", "キャリア", true)]
    [InlineData("新しいメンターがついた", "メンター", true)]
    [InlineData("採用面接に出ました", "面接", true)]
    [InlineData("部下に仕事を任せた", "任せ", true)]
    [InlineData("ｷｬﾘｱﾊﾟｽを考えた", "ｷｬﾘｱ", false)]
    public void Mentions_Japanese_KatakanaKeywordsStopAtKatakana(string text, string keyword, bool expected)
    {
        Assert.Equal(expected, ReflectionSummary.Mentions(text, keyword));
    }

    [Theory]
    [InlineData("I gave a talk at a meetup", "recruiting")]
    [InlineData("Wrote a post for our tech blog", "recruiting")]
    [InlineData("勉強会で登壇しました", "recruiting")]
    [InlineData("技術ブログを書いた", "recruiting")]
    [InlineData("Updated my resume and thought about my career", "market_value")]
    [InlineData("職務経歴書を更新した", "market_value")]
    public void ThemesOf_TalksAndBlogsAreRecruitingPr_AsTheSeedFilesThem(string text, string expected)
    {
        var library = CoachHarness.Content;

        var themes = ReflectionSummary.ThemesOf(library, library.For("en"), new AnonymousAnswer([new AnswerPart("learned", text, false)]));

        Assert.Equal([expected], themes);
    }

    [Theory]
    [InlineData("I called a vendor about the invoice")]
    [InlineData("リードタイムの計測を始めた")]
    [InlineData("プロジェクトマネジメントの研修に出た")]
    public void ThemesOf_SubstringsOfOtherWords_FindNoTheme(string text)
    {
        var library = CoachHarness.Content;

        var themes = ReflectionSummary.ThemesOf(library, library.For("ja"), new AnonymousAnswer([new AnswerPart("learned", text, false)]));

        Assert.Empty(themes);
    }
}
