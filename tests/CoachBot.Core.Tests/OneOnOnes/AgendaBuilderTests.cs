using CoachBot.Content.Model;
using CoachBot.Core.Habits;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Core.Tests.OneOnOnes;

public sealed class AgendaBuilderTests
{
    private static readonly UserRef Manager = new("local", "t", "alice");
    private static readonly UserRef Report = new("local", "t", "bob");
    private static readonly DateOnly Meeting = new(2026, 12, 1);
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<OneOnOneQuestion> Bank =
    [
        new("career.a", "career", "Career A?", ["market_value"]),
        new("career.b", "career", "Career B?", ["management"]),
        new("feedback.a", "feedback", "Feedback A?", []),
        new("growth.a", "growth", "Growth A?", ["management"]),
        new("wellbeing.a", "wellbeing", "Wellbeing A?", []),
        new("cross_team.a", "cross_team", "Cross A?", ["cross_team"]),
    ];

    /// <summary>Questions meant for the manager, for the report and for both.</summary>
    private static readonly IReadOnlyList<OneOnOneQuestion> SidedBank =
    [
        new("career.m", "career", "Career M?", [], "manager"),
        new("feedback.m", "feedback", "Feedback M?", [], "manager"),
        new("growth.m", "growth", "Growth M?", [], "manager"),
        new("cross_team.m", "cross_team", "Cross M?", [], "manager"),
        new("career.r", "career", "Career R?", [], "report"),
        new("feedback.r", "feedback", "Feedback R?", [], "report"),
        new("wellbeing.both", "wellbeing", "Wellbeing both?", [], "both"),
    ];

    [Fact]
    public void Build_OpenAndDoneItems_CarriesOnlyOpenOnesOldestFirst()
    {
        var pairing = Pairing();
        AgendaInput input = Input(pairing) with
        {
            ActionItems =
            [
                Item(pairing, 2, Noon.AddDays(-1)),
                Item(pairing, 1, Noon.AddDays(-20)),
                Item(pairing, 3, Noon.AddDays(-10)) with { DoneAt = Noon },
            ],
        };

        var agenda = AgendaBuilder.Build(input);

        Assert.Equal([1, 2], agenda.OpenActionItems.Select(i => i.Number));
    }

    [Fact]
    public void Build_PointsOfBothSides_MarksWhoseAndSkipsOtherPairingsAndOldOnes()
    {
        var pairing = Pairing();
        var input = Input(pairing) with
        {
            TalkingPointsSince = Noon.AddDays(-7),
            ManagerPoints =
            [
                new TalkingPoint(Manager, "m1", "Manager point", AgendaBuilder.SourceFor(pairing.Id), Noon),
                new TalkingPoint(Manager, "m2", "For another report", AgendaBuilder.SourceFor("other"), Noon),
            ],
            ReportPoints =
            [
                new TalkingPoint(Report, "r1", "From reading", "reading:book", Noon.AddHours(-1)),
                new TalkingPoint(Report, "r0", "Last meeting's", AgendaBuilder.SourceFor(pairing.Id), Noon.AddDays(-8)),
            ],
        };

        var agenda = AgendaBuilder.Build(input);

        Assert.Equal([("r1", false), ("m1", true)], agenda.TalkingPoints.Select(p => (p.Point.Id, p.ByManager)));
    }

    [Fact]
    public void Build_ReportSharesPractiseOfManagement_SuggestsManagementQuestionsFirst()
    {
        var input = Input(Pairing() with { ShareRecentPractice = true }) with { ReportPractice = [Practice("management"), Practice("management")] };

        var agenda = AgendaBuilder.Build(input);

        Assert.Equal(3, agenda.ManagerQuestions.Count);
        Assert.All(agenda.ManagerQuestions.Take(2), q => Assert.Contains("management", q.Actions));
        Assert.Equal(3, agenda.ManagerQuestions.Select(q => q.Theme).Distinct().Count());
        Assert.Equal(agenda.ManagerQuestions.Select(q => q.Id), agenda.NewQuestions.Select(a => a.QuestionId));
    }

    [Fact]
    public void Build_QuestionAskedSevenWeeksAgo_IsNotRepeated()
    {
        var pairing = Pairing();
        var input = Input(pairing) with
        {
            AskedQuestions = [new(pairing.Id, "career.a", Meeting.AddDays(-49), 0), new(pairing.Id, "feedback.a", Meeting.AddDays(-42), 0)],
        };

        var agenda = AgendaBuilder.Build(input);

        Assert.DoesNotContain(agenda.ManagerQuestions, q => q.Id is "career.a" or "feedback.a");
    }

    [Fact]
    public void Build_QuestionAskedEightWeeksAgo_MayComeBack()
    {
        var pairing = Pairing();
        var asked = Bank.Where(q => q.Id != "career.a").Select(q => new AskedQuestion(pairing.Id, q.Id, Meeting.AddDays(-7), 0)).ToList();
        asked.Add(new AskedQuestion(pairing.Id, "career.a", Meeting.AddDays(-56), 0));

        var agenda = AgendaBuilder.Build(Input(pairing) with { AskedQuestions = asked });

        Assert.Equal(["career.a"], agenda.ManagerQuestions.Select(q => q.Id));
    }

    [Fact]
    public void Build_QuestionsRecordedForThisMeeting_ShowsThemAgainInOrder()
    {
        var pairing = Pairing();
        var input = Input(pairing) with
        {
            AskedQuestions = [new(pairing.Id, "wellbeing.a", Meeting, 1), new(pairing.Id, "growth.a", Meeting, 0)],
        };

        var agenda = AgendaBuilder.Build(input);

        Assert.Equal(["growth.a", "wellbeing.a"], agenda.ManagerQuestions.Select(q => q.Id));
        Assert.Empty(agenda.NewQuestions);
    }

    [Fact]
    public void Build_SameInput_GivesTheSameAgenda()
    {
        var input = Input(Pairing());

        Assert.Equal(AgendaBuilder.Build(input).ManagerQuestions, AgendaBuilder.Build(input).ManagerQuestions);
    }

    [Fact]
    public void Build_PracticeNotShared_QuestionsAreThoseOfNoPractice()
    {
        var none = AgendaBuilder.Build(Input(Pairing()));
        var input = Input(Pairing()) with { ReportPractice = [Practice("management"), Practice("management"), Practice("cross_team")] };

        var agenda = AgendaBuilder.Build(input);

        // With `1on1 share off` the manager learns nothing from the report's practice, not even through the ranking.
        Assert.Equal(none.ManagerQuestions.Select(q => q.Id), agenda.ManagerQuestions.Select(q => q.Id));
    }

    [Fact]
    public void Build_PracticeNotShared_LeavesItOff()
    {
        var input = Input(Pairing()) with { ReportPractice = [Practice("management")] };

        Assert.Null(AgendaBuilder.Build(input).SharedPractice);
        var shared = AgendaBuilder.Build(input with { Pairing = input.Pairing with { ShareRecentPractice = true } });
        Assert.Equal([new PracticeCount("management", 1)], shared.SharedPractice);
    }

    [Fact]
    public void Build_SharedPracticeOfJobMarketSteps_NeitherCountedNorThemesTheQuestions()
    {
        var pairing = Pairing() with { ShareRecentPractice = true };
        var plain = Input(pairing) with { ReportPractice = [Practice("management"), Practice("market_value", "market_value.list-gaps")] };
        var withJobMarket = plain with
        {
            ReportPractice =
            [
                .. plain.ReportPractice,
                Practice("market_value", "market_value.career-advisor"),
                Practice("market_value", "market_value.career-advisor"),
                Practice("market_value", "market_value.salary-ranges"),
            ],
            JobMarketSteps = new HashSet<string>(["market_value.career-advisor", "market_value.salary-ranges"]),
        };

        var agenda = AgendaBuilder.Build(withJobMarket);

        Assert.Equal([new PracticeCount("management", 1), new PracticeCount("market_value", 1)], agenda.SharedPractice);
        Assert.Equal(AgendaBuilder.Build(plain).ManagerQuestions.Select(q => q.Id), agenda.ManagerQuestions.Select(q => q.Id));
        var unfiltered = AgendaBuilder.Build(withJobMarket with { JobMarketSteps = new HashSet<string>() });
        Assert.Equal(new PracticeCount("market_value", 4), unfiltered.SharedPractice![0]);
        Assert.NotEqual(unfiltered.ManagerQuestions.Select(q => q.Id), agenda.ManagerQuestions.Select(q => q.Id));
    }

    [Fact]
    public void Build_BankWithQuestionsForEachSide_EachSideGetsOnlyTheQuestionsMeantForIt()
    {
        var input = Input(Pairing()) with { Questions = SidedBank };

        var agenda = AgendaBuilder.Build(input);

        Assert.Equal(3, agenda.ManagerQuestions.Count);
        Assert.All(agenda.ManagerQuestions, q => Assert.True(q.ForManager, q.Id));
        var report = Assert.Single(agenda.ReportQuestions);
        Assert.True(report.ForReport, report.Id);
        Assert.Equal(agenda.ManagerQuestions, agenda.QuestionsFor(Manager));
        Assert.Equal(agenda.ReportQuestions, agenda.QuestionsFor(Report));
        Assert.Empty(agenda.ManagerQuestions.Intersect(agenda.ReportQuestions));
        Assert.DoesNotContain(agenda.ManagerQuestions, q => q.Audience == "report");
    }

    [Fact]
    public void Build_QuestionsRecordedForEachSide_ComeBackOnTheSideTheyWereChosenFor()
    {
        var pairing = Pairing();
        var input = Input(pairing) with
        {
            Questions = SidedBank,
            AskedQuestions =
            [
                new(pairing.Id, "wellbeing.both", Meeting, AskedQuestion.ReportOrderBase),
                new(pairing.Id, "career.m", Meeting, 0),
            ],
        };

        var agenda = AgendaBuilder.Build(input);

        Assert.Equal(["career.m"], agenda.ManagerQuestions.Select(q => q.Id));
        Assert.Equal(["wellbeing.both"], agenda.ReportQuestions.Select(q => q.Id));
        Assert.Empty(agenda.NewQuestions);
    }

    [Fact]
    public void Build_RecordedBeforeAudiencesWithAReportQuestionAmongTheManagers_ManagerSideLeavesItOutAndReportSideIsChosen()
    {
        var pairing = Pairing();
        var input = Input(pairing) with
        {
            Questions = SidedBank,
            AskedQuestions = [new(pairing.Id, "career.m", Meeting, 0), new(pairing.Id, "career.r", Meeting, 1)],
        };

        var agenda = AgendaBuilder.Build(input);

        Assert.Equal(["career.m"], agenda.ManagerQuestions.Select(q => q.Id));
        var report = Assert.Single(agenda.ReportQuestions);
        Assert.NotEqual("career.r", report.Id);
        Assert.Equal([(report.Id, AskedQuestion.ReportOrderBase)], agenda.NewQuestions.Select(a => (a.QuestionId, a.Order)));
    }

    private static Pairing Pairing() =>
        new("p1", Manager, Report, Cadence.Weekly, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Asia/Tokyo", Meeting, PairingState.Active);

    private static AgendaInput Input(Pairing pairing) => new(pairing, Meeting, null, [], [], [], [], [], Bank);

    private static ActionItem Item(Pairing pairing, int number, DateTimeOffset created) =>
        new(pairing.Id, number, "Item " + number, Report, null, Meeting.AddDays(-7), created);

    private static PracticeEntry Practice(string action, string? step = null) =>
        new(Report, Guid.NewGuid().ToString("N"), new DateOnly(2026, 11, 20), action, step, null, Noon);
}
