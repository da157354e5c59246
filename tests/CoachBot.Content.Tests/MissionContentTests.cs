using CoachBot.Content.Loading;
using CoachBot.Content.Model;

namespace CoachBot.Content.Tests;

/// <summary>Issue 16 §1: every mission has steps of its own, for every level, in both languages.</summary>
public sealed class MissionContentTests
{
    private static readonly ContentLibrary Library = ContentLoader.Load(ContentFolder.Shipped);

    public static TheoryData<string, string> MissionsByLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in ContentLoader.SupportedLanguages)
        {
            foreach (var mission in ContentVocabulary.MissionIds)
            {
                data.Add(language, mission);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MissionsByLanguage))]
    public void Mission_HasAtLeastEightStepsMostlyShort(string language, string missionId)
    {
        var mission = Library.For(language).FindMission(missionId)!;

        Assert.True(mission.Steps.Count >= 8, $"{language}/{missionId} has {mission.Steps.Count} steps");
        Assert.True(mission.Steps.Count(s => s.Minutes <= 15) * 2 > mission.Steps.Count, $"{language}/{missionId}: most steps take 15 minutes or less");
        Assert.All(mission.Steps, s => Assert.Equal(missionId, s.MissionId));
        Assert.All(mission.Steps, s => Assert.NotNull(Library.For(language).FindAction(s.ActionId)));
        Assert.False(string.IsNullOrWhiteSpace(mission.Practice));
    }

    [Theory]
    [MemberData(nameof(MissionsByLanguage))]
    public void Mission_HasStepsForDirectorsAndForEngineers(string language, string missionId)
    {
        var mission = Library.For(language).FindMission(missionId)!;

        // A director sees at least three steps, one of them written for directors only; an engineer is not left out either.
        Assert.True(mission.Steps.Count(s => s.FitsRole("director")) >= 3, $"{language}/{missionId}: too few steps fit a director");
        Assert.Contains(mission.Steps, s => s.Roles.SequenceEqual(["director"]));
        Assert.True(mission.Steps.Count(s => s.FitsRole("engineer")) >= 2, $"{language}/{missionId}: too few steps fit an engineer");
    }

    [Fact]
    public void MissionSteps_AreFoundByIdAndMatchBetweenLanguages()
    {
        var en = Library.For("en");
        var ja = Library.For("ja");

        foreach (var step in en.Missions.SelectMany(m => m.Steps))
        {
            Assert.Same(step, en.FindStep(step.Id));
            var twin = ja.FindStep(step.Id);
            Assert.NotNull(twin);
            Assert.Equal((step.ActionId, step.Minutes, step.MissionId), (twin.ActionId, twin.Minutes, twin.MissionId));
            Assert.Equal(step.Roles, twin.Roles);
            Assert.Contains(twin.Text, c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff');
        }
    }

    [Fact]
    public void Books_TaggedWithMissions_CoverEveryMission()
    {
        var books = Library.For("en").Books;

        Assert.All(ContentVocabulary.MissionIds, m => Assert.True(books.Any(b => b.Missions.Contains(m)), $"no book is tagged with mission {m}"));
        Assert.Equal(books.Select(b => b.Missions), Library.For("ja").Books.Select(b => b.Missions));
    }

    [Fact]
    public void Load_MissionStepWithUnknownAction_FailsNamingTheStep()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("en/missions.yaml").ToList();
        var index = lines.FindIndex(l => l.Trim() == "action: recruiting");
        lines[index] = lines[index].Replace("recruiting", "hiring", StringComparison.Ordinal);
        folder.Write("en/missions.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "en/missions.yaml" && p.Reason.Contains("action: 'hiring'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissionStepIdDuplicated_Fails()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("en/missions.yaml").ToList();
        var ids = lines.Select((l, i) => (l, i)).Where(x => x.l.Trim().StartsWith("- id: mission.recruiting.", StringComparison.Ordinal)).ToList();
        lines[ids[1].i] = ids[0].l;
        folder.Write("en/missions.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.Reason.Contains(ids[0].l.Trim()[6..], StringComparison.Ordinal) && p.Reason.Contains("unique", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissionStepMissingInJapanese_FailsNamingTheId()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("ja/missions.yaml").ToList();
        var index = lines.FindIndex(l => l.Trim() == "- id: mission.evaluation.calibration");
        lines[index] = lines[index].Replace("calibration", "calibrate", StringComparison.Ordinal);
        folder.Write("ja/missions.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "ja/missions.yaml" && p.Reason.Contains("'mission.evaluation.calibration'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissionWithoutDirectorStep_Fails()
    {
        using var folder = new ContentFolder();
        var lines = folder.ReadLines("en/missions.yaml").ToList();
        var start = lines.FindIndex(l => l == "  - id: stakeholders");
        for (var i = start; i < lines.Count; i++)
        {
            lines[i] = lines[i].Replace(", director]", "]", StringComparison.Ordinal).Replace("[director]", "[manager]", StringComparison.Ordinal);
        }

        folder.Write("en/missions.yaml", lines);

        var ex = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(folder.Root));

        Assert.Contains(ex.Problems, p => p.File == "en/missions.yaml" && p.Reason.Contains("'stakeholders' needs at least one step for directors", StringComparison.Ordinal));
    }
}
