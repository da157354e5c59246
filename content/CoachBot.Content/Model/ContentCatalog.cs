namespace CoachBot.Content.Model;

/// <summary>All coaching content of one language.</summary>
public sealed class ContentCatalog
{
    public required string Language { get; init; }
    public required IReadOnlyList<HabitAction> Actions { get; init; }
    public required IReadOnlyList<Mission> Missions { get; init; }
    public required IReadOnlyList<Skill> Skills { get; init; }
    public required IReadOnlyList<CareerPath> Paths { get; init; }

    /// <summary>The seed article's VPoE salary figures, shown with the user's path (paths.yaml <c>salary</c>).</summary>
    public required SalaryFacts Salary { get; init; }
    public required IReadOnlyList<RoleProfile> Roles { get; init; }
    public required IReadOnlyList<Book> Books { get; init; }
    public required IReadOnlyList<QuestionTheme> QuestionThemes { get; init; }
    public required IReadOnlyList<OneOnOneQuestion> Questions { get; init; }
    public required IReadOnlyList<ReflectionPrompt> ReflectionPrompts { get; init; }
    public required IReadOnlyList<HealthIndicator> HealthIndicators { get; init; }
    public required StringTable Strings { get; init; }

    /// <summary>Command words and everyday phrasings of this language (intents.yaml).</summary>
    public required IntentTable Intents { get; init; }

    /// <summary>Finds an action by id, or null.</summary>
    public HabitAction? FindAction(string id) => Actions.FirstOrDefault(a => a.Id == id);

    /// <summary>
    /// The ids of the job-market steps (<see cref="MicroStep.IsJobMarket"/>), which never reach a manager (the 1-on-1
    /// agenda leaves their practice out).
    /// </summary>
    public IReadOnlySet<string> JobMarketStepIds =>
        Actions.SelectMany(a => a.Steps).Where(s => s.IsJobMarket).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Finds a micro-step by id across all actions and missions, or null.</summary>
    public MicroStep? FindStep(string id) =>
        Actions.SelectMany(a => a.Steps).Concat(Missions.SelectMany(m => m.Steps)).FirstOrDefault(s => s.Id == id);

    /// <summary>Finds a mission by id, or null.</summary>
    public Mission? FindMission(string id) => Missions.FirstOrDefault(m => m.Id == id);
}
