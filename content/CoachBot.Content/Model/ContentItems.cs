namespace CoachBot.Content.Model;

// Content records are small, immutable and read together; they share this file so the whole model reads at a glance.
#pragma warning disable CA1724 // names are scoped by the namespace

/// <summary>One of the five "start today" actions with its micro-steps.</summary>
public sealed record HabitAction(string Id, string Title, string Summary, IReadOnlyList<MicroStep> Steps);

/// <summary>A concrete step a person can finish in 30 minutes or less.</summary>
/// <remarks><c>ActionId</c> is the one of the five actions the step practises; a mission step names it with
/// <c>action:</c>, so done, progress and streaks count it like any other step. <c>MissionId</c> is the mission a
/// mission step belongs to (missions.yaml); null for an action step.</remarks>
public sealed record MicroStep(
    string Id, string ActionId, string Text, int Minutes, IReadOnlyList<string> Roles, IReadOnlyList<string> Paths,
    string? MissionId = null)
{
    /// <summary>True when the step has no role filter or names the role.</summary>
    public bool FitsRole(string? role) => Roles.Count == 0 || role is null || Roles.Contains(role);

    /// <summary>True when the step has no path filter or names the path.</summary>
    public bool FitsPath(string? path) => Paths.Count == 0 || path is null || Paths.Contains(path);

    /// <summary>
    /// Who may be offered the step at all, or null for everyone. <c>job_change</c>
    /// (<see cref="ContentVocabulary.AudienceJobChange"/>) marks a job-market step (recruiters, profiles, salary
    /// ranges): offered only on the job-change path, which is how a user opts in, and never shown to a manager.
    /// </summary>
    public string? Audience { get; init; }

    /// <summary>True for a job-market step (<see cref="Audience"/> is <c>job_change</c>).</summary>
    public bool IsJobMarket => Audience == ContentVocabulary.AudienceJobChange;

    /// <summary>
    /// True when the step may be offered to a user on <paramref name="path"/> at all: a job-market step only on the
    /// job-change path (a user with no path has not opted in). Unlike role and path, this is never relaxed.
    /// </summary>
    public bool FitsAudience(string? path) => !IsJobMarket || path == ContentVocabulary.AudienceJobChange;
}

/// <summary>One of the six VPoE missions.</summary>
public sealed record Mission(string Id, string Title, string Summary, IReadOnlyList<string> Activities)
{
    /// <summary>What the mission looks like when it is done well, in a few sentences.</summary>
    public string Practice { get; init; } = string.Empty;

    /// <summary>The actions whose practice counts toward the mission (and whose steps a mission focus prefers).</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>The essential skills the mission draws on (their self-assessment shows where a user stands).</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>The mission's own micro-steps, ids <c>mission.&lt;mission id&gt;.&lt;slug&gt;</c>.</summary>
    public IReadOnlyList<MicroStep> Steps { get; init; } = [];
}

/// <summary>One of the five essential skills with its 1-5 rubric (index 0 = level 1).</summary>
public sealed record Skill(string Id, string Title, string Summary, IReadOnlyList<string> Rubric);

/// <summary>One of the three career paths toward VPoE.</summary>
public sealed record CareerPath(string Id, string Title, string Summary, string Suits, IReadOnlyList<Milestone> Milestones);

/// <summary>A milestone on a career path.</summary>
public sealed record Milestone(
    string Id, string Title, string Detail, string? TypicalYears, IReadOnlyList<string> Roles, string NextStep);

/// <summary>
/// What VPoEs earn, as the seed article gives it and nothing more: an overview, ranges by company size, the factors
/// that move the figure, and the source line naming the article.
/// </summary>
public sealed record SalaryFacts(string Summary, IReadOnlyList<SalaryFact> ByCompanySize, IReadOnlyList<SalaryFact> Factors, string Source);

/// <summary>One labelled salary figure or factor, e.g. "Startups (under 50 employees)": "8-12 million yen".</summary>
public sealed record SalaryFact(string Label, string Value);

/// <summary>A role to tell apart from VPoE (CTO, VPoP, EM, tech lead).</summary>
public sealed record RoleProfile(
    string Id, string Title, string Question, string Focus, string Scope, string Horizon, string Summary);

/// <summary>A book on the reading list with its reflection questions.</summary>
public sealed record Book(
    string Id, string Title, string Author, string Why, IReadOnlyList<string> Actions, IReadOnlyList<string> Skills,
    IReadOnlyList<string> Questions)
{
    /// <summary>The missions the book supports; a user's mission focus prefers these books.</summary>
    public IReadOnlyList<string> Missions { get; init; } = [];
}

/// <summary>A theme of the 1-on-1 question bank.</summary>
public sealed record QuestionTheme(string Id, string Title);

/// <summary>A question for a 1-on-1.</summary>
/// <param name="Id">"&lt;theme&gt;.&lt;slug&gt;", the same in every language.</param>
/// <param name="Theme">One of <see cref="ContentVocabulary.QuestionThemeIds"/>.</param>
/// <param name="Text">The question as the asker says it.</param>
/// <param name="Actions">Actions the question fits, for theming agendas.</param>
/// <param name="Audience">Who the question is meant for, i.e. who asks it: <c>manager</c> (asks the report),
/// <c>report</c> (asks the manager) or <c>both</c> (<see cref="ContentVocabulary.QuestionAudiences"/>).</param>
public sealed record OneOnOneQuestion(string Id, string Theme, string Text, IReadOnlyList<string> Actions, string Audience = ContentVocabulary.AudienceManager)
{
    /// <summary>True when the question is meant for the manager of a pairing (to ask their report).</summary>
    public bool ForManager => Audience is ContentVocabulary.AudienceManager or ContentVocabulary.AudienceBoth;

    /// <summary>True when the question is meant for the report of a pairing (to ask their manager).</summary>
    public bool ForReport => Audience is ContentVocabulary.AudienceReport or ContentVocabulary.AudienceBoth;
}

/// <summary>A weekly team reflection prompt.</summary>
/// <param name="Id">Never reused or removed: stored rounds and answers name their prompts by id.</param>
/// <param name="Text">The question as the team reads it.</param>
/// <param name="Core">Asked every week (learned, blocked); the other prompts take turns as the round's last one.</param>
/// <param name="Retired">No longer asked, kept so rounds that asked it still show its text next to their answers.</param>
public sealed record ReflectionPrompt(string Id, string Text, bool Core = false, bool Retired = false);

/// <summary>An organisation health indicator.</summary>
public sealed record HealthIndicator(string Id, string Title, string Description, string Measure, string Signal);
