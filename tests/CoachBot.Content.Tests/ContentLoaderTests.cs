using CoachBot.Content.Loading;
using CoachBot.Content.Model;

namespace CoachBot.Content.Tests;

public sealed class ContentLoaderTests
{
    [Fact]
    public void Load_ShippedContent_HasEveryKindInBothLanguages()
    {
        var library = ContentLoader.Load(ContentFolder.Shipped);

        Assert.Equal(["en", "ja"], library.Languages);
        foreach (var language in library.Languages)
        {
            var c = library.For(language);
            Assert.Equal(ContentVocabulary.ActionIds, c.Actions.Select(a => a.Id));
            Assert.All(c.Actions, a => Assert.True(a.Steps.Count >= 6, $"{language}: {a.Id} has {a.Steps.Count} steps"));
            Assert.All(c.Actions.SelectMany(a => a.Steps), s => Assert.InRange(s.Minutes, 5, 30));
            Assert.Equal(6, c.Missions.Count);
            Assert.Equal(5, c.Skills.Count);
            Assert.All(c.Skills, s => Assert.Equal(5, s.Rubric.Count(r => r.Length > 0)));
            Assert.Equal(3, c.Paths.Count);
            Assert.All(c.Paths, p => Assert.True(p.Milestones.Count >= 3));
            Assert.Equal(ContentVocabulary.RoleProfileIds, c.Roles.Select(r => r.Id));
            Assert.Contains(c.Books, b => b.Id.Contains("high-output", StringComparison.Ordinal));
            Assert.All(c.Books, b => Assert.Equal(3, b.Questions.Count));
            Assert.True(c.Questions.Count >= 40);
            Assert.Equal(6, c.Questions.Select(q => q.Theme).Distinct().Count());
            Assert.True(c.ReflectionPrompts.Count >= 24);
            Assert.True(c.HealthIndicators.Count >= 6);
        }
    }

    [Fact]
    public void Load_ShippedJapanese_IsWrittenInJapanese()
    {
        var ja = ContentLoader.Load(ContentFolder.Shipped).For("ja");

        static bool HasJapanese(string s) => s.Any(ch => ch is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff');
        Assert.All(ja.Actions.SelectMany(a => a.Steps), s => Assert.True(HasJapanese(s.Text), s.Id));
        Assert.All(ja.Strings.Keys.Where(k => !k.StartsWith("verb.", StringComparison.Ordinal) || k.EndsWith(".help", StringComparison.Ordinal)),
            k => Assert.True(HasJapanese(ja.Strings.Template(k)), k));
    }

    [Fact]
    public void Load_StepMissingText_FailsNamingFileLineAndField()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("en/actions.yaml").ToList();
        var index = lines.FindIndex(l => l.TrimStart().StartsWith("text:", StringComparison.Ordinal));
        lines.RemoveAt(index);
        folder.Write("en/actions.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("en/actions.yaml", problem.File);
        // The step's mapping starts at its "- id:" line, just above where "text:" was.
        Assert.Equal(index, problem.Line);
        Assert.Contains("missing required field 'text'", problem.Reason, StringComparison.Ordinal);
        Assert.Contains($"en/actions.yaml:{index}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownField_FailsNamingTheField()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/missions.yaml").ToList();
        var index = lines.FindIndex(l => l.TrimStart().StartsWith("title:", StringComparison.Ordinal));
        var indent = lines[index][..(lines[index].Length - lines[index].TrimStart().Length)];
        lines.Insert(index + 1, indent + "titel: typo");
        folder.Write("ja/missions.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("ja/missions.yaml", (long)index + 2), (problem.File, problem.Line));
        Assert.Contains("unknown field 'titel'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidYaml_FailsWithLine()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("en/roles.yaml").ToList();
        lines.Insert(3, "    title: one: two");
        folder.Write("en/roles.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "en/roles.yaml" && p.Line > 0 && p.Reason.StartsWith("not valid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_IdMissingInOneLanguage_FailsNamingTheId()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/reflection.yaml").ToList();
        var index = lines.FindIndex(l => l.TrimStart().StartsWith("- id:", StringComparison.Ordinal));
        var id = lines[index].Split(':', 2)[1].Trim().Trim('"');
        lines.RemoveRange(index, 2);
        folder.Write("ja/reflection.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "ja/reflection.yaml" && p.Reason.Contains($"id '{id}' exists in en/reflection.yaml but not here", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_PlaceholderMismatch_Fails()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/strings.yaml").Select(l => l.StartsWith("today.minutes:", StringComparison.Ordinal) ? "today.minutes: \"約{mins}分\"" : l);
        folder.Write("ja/strings.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "ja/strings.yaml" && p.Reason.Contains("today.minutes", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingFile_FailsNamingIt()
    {
        using var folder = new ContentFolder();
        File.Delete(folder.PathOf("ja/org-health.yaml"));

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "ja/org-health.yaml" && p.Reason == "file is missing");
    }

    [Fact]
    public void Load_BookWithTwoQuestions_Fails()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("en/reading.yaml").ToList();
        var questions = lines.FindIndex(l => l.TrimStart().StartsWith("questions:", StringComparison.Ordinal));
        lines.RemoveAt(questions + 1);
        folder.Write("en/reading.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "en/reading.yaml" && p.Reason.Contains("exactly 3 reflection questions", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ShippedQuestions_EachSideHasQuestionsMeantForItAndNoneSaysWhoInItsText()
    {
        var library = ContentLoader.Load(ContentFolder.Shipped);

        foreach (var language in library.Languages)
        {
            var questions = library.For(language).Questions;
            Assert.All(questions, q => Assert.Contains(q.Audience, ContentVocabulary.QuestionAudiences));
            Assert.True(questions.Count(q => q.ForManager) >= 8, language);
            Assert.True(questions.Count(q => q.ForReport) >= 8, language);

            // The agenda's section title says whom to ask; a "(To ask your manager)" prefix would repeat it.
            Assert.All(questions, q => Assert.DoesNotContain("To ask your manager", q.Text, StringComparison.Ordinal));
            Assert.All(questions, q => Assert.DoesNotContain("上司に聞く", q.Text, StringComparison.Ordinal));
        }

        Assert.Equal("report", library.For("en").Questions.Single(q => q.Id == "career.ask-next-level").Audience);
        Assert.Equal("manager", library.For("ja").Questions.Single(q => q.Id == "career.where-in-two-years").Audience);
    }

    [Fact]
    public void Load_QuestionWithUnknownAudience_FailsNamingTheQuestion()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("en/questions.yaml").ToList();
        var index = lines.FindIndex(l => l.Trim() == "audience: manager");
        var id = lines[index - 2].Split(':', 2)[1].Trim();
        lines[index] = "    audience: everyone";
        folder.Write("en/questions.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "en/questions.yaml" && p.Reason.Contains($"question '{id}' audience", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_QuestionWithoutAudience_FailsNamingTheField()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/questions.yaml").ToList();
        lines.RemoveAt(lines.FindIndex(l => l.Trim() == "audience: report"));
        folder.Write("ja/questions.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "ja/questions.yaml" && p.Reason.Contains("audience", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_AudienceDiffersBetweenLanguages_FailsNamingTheQuestion()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/questions.yaml").ToList();
        var index = lines.FindIndex(l => l.Trim() == "audience: report");
        var id = lines[index - 2].Split(':', 2)[1].Trim();
        lines[index] = "    audience: manager";
        folder.Write("ja/questions.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "ja/questions.yaml" && p.Reason.Contains($"question '{id}': audience is 'manager' but 'report'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_StepWithUnknownAudience_FailsNamingTheStep()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("en/actions.yaml").ToList();
        lines[lines.FindIndex(l => l.Trim() == "audience: job_change")] = "        audience: everyone";
        folder.Write("en/actions.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "en/actions.yaml" && p.Reason.Contains("step 'market_value.career-advisor' audience: 'everyone'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_JobMarketStepLimitedToAnotherPath_FailsSayingNoOneWouldGetIt()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("en/actions.yaml").ToList();
        lines.Insert(lines.FindIndex(l => l.Trim() == "audience: job_change") + 1, "        paths: [internal]");
        folder.Write("en/actions.yaml", lines);
        var ja = folder.ReadLines("ja/actions.yaml").ToList();
        ja.Insert(ja.FindIndex(l => l.Trim() == "audience: job_change") + 1, "        paths: [internal]");
        folder.Write("ja/actions.yaml", ja);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "en/actions.yaml" && p.Reason.Contains("step 'market_value.career-advisor' is for the job-change path", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_StepAudienceDiffersBetweenLanguages_FailsNamingTheStep()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/actions.yaml").ToList();
        lines.RemoveAt(lines.FindIndex(l => l.Trim() == "audience: job_change"));
        folder.Write("ja/actions.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.Reason.Contains("step 'market_value.career-advisor': minutes, roles, paths and audience must be the same", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ShippedJobMarketSteps_AreMarkedInBothLanguages()
    {
        var library = ContentLoader.Load(ContentFolder.Shipped);

        foreach (var language in new[] { "en", "ja" })
        {
            var content = library.For(language);
            Assert.True(content.FindStep("market_value.career-advisor")!.IsJobMarket);
            Assert.False(content.FindStep("market_value.job-postings")!.IsJobMarket);
            Assert.Contains("market_value.salary-ranges", content.JobMarketStepIds);
        }
    }
}
