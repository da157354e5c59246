using System.Text.RegularExpressions;
using CoachBot.Content.Loading;
using CoachBot.Content.Model;

namespace CoachBot.Content.Tests;

/// <summary>
/// Keeps the Japanese content to docs/japanese-style.md: full-width punctuation next to Japanese, one term per concept,
/// 障害 only for outages, no doubled labels and natural number phrases.
/// </summary>
public sealed partial class JapaneseWordingTests
{
    private static readonly ContentLibrary Library = ContentLoader.Load(ContentFolder.Shipped);
    private static readonly ContentCatalog En = Library.For("en");
    private static readonly ContentCatalog Ja = Library.For("ja");

    [Fact]
    public void JapaneseText_HasNoHalfWidthPunctuationNextToJapanese()
    {
        var offending = JapaneseTexts(includeStepFiles: true)
            .Where(t => HalfWidthNextToJapanese().IsMatch(t.Text))
            .Select(t => $"{t.Where}: {t.Text}")
            .ToList();

        Assert.True(offending.Count == 0, "Use full-width 、。：（）？！ next to Japanese:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void JapaneseText_UsesOneTermPerConcept()
    {
        // Slack's Japanese UI says チャンネル, Teams' says チャネル; CoachBot speaks to both, so it picks チャンネル.
        // A user's working days are 勤務日 (稼働日 reads as a machine's or a company's operating days).
        // Reflection is written in kana, ふりかえり, as agile teams write it (intents.yaml still understands 振り返り).
        string[] banned = ["チャネル", "稼働日", "振り返り", "マネジャー", "リマインド", "給料"];

        var offending = JapaneseTexts(includeStepFiles: true)
            .SelectMany(t => banned.Where(b => t.Text.Contains(b, StringComparison.Ordinal)).Select(b => $"{t.Where}: {b}"))
            .ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void JapaneseText_NeverUsesTheOutageWordForABlocker()
    {
        // To engineers 障害 is an outage: where the English speaks of what blocks someone, Japanese must not say 障害.
        var offending = Pairs(includeStepFiles: true)
            .Where(p => BlockWord().IsMatch(p.English) && p.Japanese.Contains("障害", StringComparison.Ordinal))
            .Select(p => p.Where)
            .ToList();

        Assert.Empty(offending);
        Assert.Contains(Pairs(), p => p.Where == "reflection:blocked" && p.Japanese.Contains("妨げ", StringComparison.Ordinal));
    }

    [Fact]
    public void TodayStep_TimeFieldAndItsValueDoNotRepeatEachOther()
    {
        var label = Ja.Strings.Format("today.field.time");
        var value = Ja.Strings.Format("today.minutes", ("minutes", 15));

        Assert.DoesNotContain(label, value, StringComparison.Ordinal);
        Assert.Equal("約15分", value);
    }

    [Fact]
    public void PathYears_ReadAsNaturalJapanese()
    {
        var years = Ja.Paths.SelectMany(p => p.Milestones).Select(m => m.TypicalYears).OfType<string>().ToList();

        Assert.NotEmpty(years);
        Assert.All(years, y => Assert.EndsWith("年", y.Replace("以上", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.All(years, y => Assert.DoesNotContain("+", y, StringComparison.Ordinal));
        Assert.Equal("（目安は3年以上）", Ja.Strings.Format("path.years", ("years", "3年以上")));
    }

    [Fact]
    public void ReflectionPrompts_AtLeast24InUse_SameIdsAndCoreInBothLanguages()
    {
        foreach (var catalog in new[] { En, Ja })
        {
            Assert.True(catalog.ReflectionPrompts.Count(p => !p.Retired) >= 24, $"{catalog.Language}: {catalog.ReflectionPrompts.Count} prompts");
            Assert.Equal(["learned", "blocked"], catalog.ReflectionPrompts.Where(p => p.Core).Select(p => p.Id));
        }

        Assert.Equal(En.ReflectionPrompts.Select(p => p.Id), Ja.ReflectionPrompts.Select(p => p.Id));
    }

    [Fact]
    public void ReflectionPrompts_EveryIdEverShippedStillResolves()
    {
        // Rounds and answers stored before the bank grew name these ids: they must keep showing their question.
        string[] shipped =
        [
            "learned", "blocked", "five-actions", "helped-teammate", "proud", "next-week-focus", "redo", "outside-team",
            "energy", "thanks", "small-change", "open-question", "worth-sharing", "risk-ahead",
        ];

        foreach (var catalog in new[] { En, Ja })
        {
            Assert.All(shipped, id => Assert.Contains(catalog.ReflectionPrompts, p => p.Id == id));
        }
    }

    [Fact]
    public void Load_MissionActivitiesShorterInJapanese_FailsNamingTheMission()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/missions.yaml").ToList();
        var activities = lines.FindIndex(l => l.Trim() == "activities:");
        var id = lines.Take(activities).Last(l => l.TrimStart().StartsWith("- id:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        lines.RemoveAt(activities + 1);
        folder.Write("ja/missions.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "ja/missions.yaml" && p.Reason.Contains($"'{id}' has", StringComparison.Ordinal)
            && p.Reason.Contains("activities", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SalaryFactorMissingInJapanese_Fails()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/paths.yaml").ToList();
        var factors = lines.FindIndex(l => l.Trim() == "factors:");
        lines.RemoveRange(factors + 1, 2);
        folder.Write("ja/paths.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "ja/paths.yaml" && p.Reason.Contains("salary has 4 salary factors but 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MilestoneRolesShorterInJapanese_Fails()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/paths.yaml").ToList();
        var index = lines.FindIndex(l => l.Trim() == "roles: [engineer, senior]");
        lines[index] = lines[index].Replace("[engineer, senior]", "[engineer]", StringComparison.Ordinal);
        folder.Write("ja/paths.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "ja/paths.yaml" && p.Reason.Contains("has 1 roles but 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ReflectionCoreDiffersBetweenLanguages_Fails()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/reflection.yaml").ToList();
        lines.RemoveAt(lines.FindIndex(l => l.Trim() == "core: true"));
        folder.Write("ja/reflection.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "ja/reflection.yaml" && p.Reason.Contains("exactly 2 prompts must be core", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.File == "ja/reflection.yaml" && p.Reason.Contains("prompt 'learned': core and retired", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_TooFewReflectionPrompts_Fails()
    {
        using var folder = new ContentFolder();
        foreach (var language in new[] { "en", "ja" })
        {
            var lines = folder.ReadLines($"{language}/reflection.yaml").ToList();
            var retire = lines.Select((l, i) => (l, i)).Where(x => x.l.TrimStart().StartsWith("text:", StringComparison.Ordinal)).Skip(2).Take(3).Select(x => x.i).Reverse();
            foreach (var index in retire)
            {
                lines.Insert(index + 1, "    retired: true");
            }

            folder.Write($"{language}/reflection.yaml", lines);
        }

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "en/reflection.yaml" && p.Reason.Contains("at least 24 prompts must be in use", StringComparison.Ordinal));
    }

    /// <summary>Japanese texts of every file, named by where they come from.</summary>
    private static IEnumerable<(string Where, string Text)> JapaneseTexts(bool includeStepFiles)
    {
        foreach (var (where, _, japanese) in Pairs(includeStepFiles))
        {
            yield return (where, japanese);
        }
    }

    /// <summary>English and Japanese twins of every content text (strings by key, items by id).</summary>
    private static IEnumerable<(string Where, string English, string Japanese)> Pairs(bool includeStepFiles = false)
    {
        // Theme keywords are word lists the code splits on commas, not sentences.
        foreach (var key in En.Strings.Keys.Where(k => Ja.Strings.Contains(k) && !k.StartsWith("reflection.keywords.", StringComparison.Ordinal)))
        {
            yield return ($"strings:{key}", En.Strings.Template(key), Ja.Strings.Template(key));
        }

        foreach (var p in En.ReflectionPrompts)
        {
            yield return ($"reflection:{p.Id}", p.Text, Ja.ReflectionPrompts.Single(j => j.Id == p.Id).Text);
        }

        foreach (var q in En.Questions)
        {
            yield return ($"questions:{q.Id}", q.Text, Ja.Questions.Single(j => j.Id == q.Id).Text);
        }

        foreach (var b in En.Books)
        {
            var twin = Ja.Books.Single(j => j.Id == b.Id);
            yield return ($"reading:{b.Id}", string.Join(' ', [b.Why, .. b.Questions]), string.Join(' ', [twin.Why, .. twin.Questions]));
        }

        foreach (var s in En.Skills)
        {
            var twin = Ja.Skills.Single(j => j.Id == s.Id);
            yield return ($"skills:{s.Id}", string.Join(' ', [s.Title, s.Summary, .. s.Rubric]), string.Join(' ', [twin.Title, twin.Summary, .. twin.Rubric]));
        }

        foreach (var p in En.Paths)
        {
            var twin = Ja.Paths.Single(j => j.Id == p.Id);
            yield return ($"paths:{p.Id}", string.Join(' ', p.Title, p.Summary, p.Suits), string.Join(' ', twin.Title, twin.Summary, twin.Suits));
            foreach (var m in p.Milestones)
            {
                var mt = twin.Milestones.Single(j => j.Id == m.Id);
                yield return ($"paths:{m.Id}", string.Join(' ', m.Title, m.Detail, m.NextStep), string.Join(' ', mt.Title, mt.Detail, mt.NextStep));
            }
        }

        foreach (var r in En.Roles)
        {
            var twin = Ja.Roles.Single(j => j.Id == r.Id);
            yield return ($"roles:{r.Id}", string.Join(' ', r.Title, r.Question, r.Focus, r.Scope, r.Horizon, r.Summary),
                string.Join(' ', twin.Title, twin.Question, twin.Focus, twin.Scope, twin.Horizon, twin.Summary));
        }

        foreach (var i in En.HealthIndicators)
        {
            var twin = Ja.HealthIndicators.Single(j => j.Id == i.Id);
            yield return ($"org-health:{i.Id}", string.Join(' ', i.Title, i.Description, i.Measure, i.Signal),
                string.Join(' ', twin.Title, twin.Description, twin.Measure, twin.Signal));
        }

        // The steps of actions.yaml and missions.yaml: their punctuation, terms and blocker wording are checked too.
        if (includeStepFiles)
        {
            foreach (var step in En.Actions.SelectMany(a => a.Steps))
            {
                yield return ($"actions:{step.Id}", step.Text, Ja.FindStep(step.Id)?.Text ?? string.Empty);
            }

            foreach (var a in En.Actions)
            {
                var twin = Ja.FindAction(a.Id)!;
                yield return ($"actions:{a.Id}", string.Join(' ', a.Title, a.Summary), string.Join(' ', twin.Title, twin.Summary));
            }

            foreach (var m in En.Missions)
            {
                var twin = Ja.Missions.Single(j => j.Id == m.Id);
                yield return ($"missions:{m.Id}", string.Join(' ', [m.Title, m.Summary, .. m.Activities]), string.Join(' ', [twin.Title, twin.Summary, .. twin.Activities]));
            }
        }
    }

    // A half-width , . : ; ( ) ! ? with Japanese (kana, kanji, full-width forms) right before or after it.
    [GeneratedRegex(@"[\u3040-\u30ff\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e][,.:;()!?]|[,.:;()!?][\u3040-\u30ff\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]")]
    private static partial Regex HalfWidthNextToJapanese();

    [GeneratedRegex(@"\bblock(s|ed|er|ers|ing)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockWord();
}
