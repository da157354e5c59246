namespace CoachBot.Content.Model;

/// <summary>The fixed ids the code relies on; content files must use exactly these.</summary>
public static class ContentVocabulary
{
    /// <summary>User roles, in the order onboarding offers them.</summary>
    public static readonly IReadOnlyList<string> UserRoles = ["engineer", "senior", "manager", "director", "other"];

    /// <summary>Career paths toward VPoE, in the order onboarding offers them.</summary>
    public static readonly IReadOnlyList<string> PathIds = ["internal", "job_change", "founding"];

    /// <summary>The five "start today" actions, in the seed's order.</summary>
    public static readonly IReadOnlyList<string> ActionIds = ["management", "recruiting", "cross_team", "business", "market_value"];

    /// <summary>The five essential skills.</summary>
    public static readonly IReadOnlyList<string> SkillIds = ["technical", "people", "recruiting_org", "communication", "problem_solving"];

    /// <summary>The six VPoE missions.</summary>
    public static readonly IReadOnlyList<string> MissionIds = ["recruiting", "development", "evaluation", "org_design", "environment", "stakeholders"];

    /// <summary>The roles `roles` explains.</summary>
    public static readonly IReadOnlyList<string> RoleProfileIds = ["cto", "vpoe", "vpop", "em", "tech_lead"];

    /// <summary>The six 1-on-1 question themes.</summary>
    public static readonly IReadOnlyList<string> QuestionThemeIds = ["career", "feedback", "wellbeing", "growth", "recruitment", "cross_team"];

    /// <summary>A 1-on-1 question the manager asks the report.</summary>
    public const string AudienceManager = "manager";

    /// <summary>A 1-on-1 question the report asks the manager.</summary>
    public const string AudienceReport = "report";

    /// <summary>A 1-on-1 question either side may ask.</summary>
    public const string AudienceBoth = "both";

    /// <summary>The step audience of job-market steps: users on the job-change path (the path is the opt-in).</summary>
    public const string AudienceJobChange = "job_change";

    /// <summary>The values a micro-step's optional <c>audience</c> may take (actions.yaml).</summary>
    public static readonly IReadOnlyList<string> StepAudiences = [AudienceJobChange];

    /// <summary>Who a 1-on-1 question is meant for (the <c>audience</c> of questions.yaml).</summary>
    public static readonly IReadOnlyList<string> QuestionAudiences = [AudienceManager, AudienceReport, AudienceBoth];
}
