using CoachBot.Content.Model;

namespace CoachBot.Content.Loading;

/// <summary>Checks within one language: the fixed id sets, uniqueness and references between kinds.</summary>
internal static class CatalogChecks
{
    /// <summary>Fewest questions meant for each side of a 1-on-1 (audience that side or both).</summary>
    public const int MinQuestionsPerAudience = 8;

    /// <summary>Prompts asked every week (learned, blocked): a round is these and one rotating prompt.</summary>
    public const int ReflectionCorePrompts = 2;

    /// <summary>Fewest prompts in use (core and rotating, not retired).</summary>
    public const int MinReflectionPrompts = 24;

    /// <summary>Fewest rotating prompts in use: a weekly team meets none of them twice within 8 weeks.</summary>
    public const int MinRotatingReflectionPrompts = 8;

    public static void Run(ContentCatalog c, List<ContentProblem> problems)
    {
        var lang = c.Language;
        void Add(string file, string reason) => problems.Add(new ContentProblem($"{lang}/{file}", 0, reason));

        ExactIds("actions.yaml", "actions", c.Actions.Select(a => a.Id), ContentVocabulary.ActionIds, Add);
        ExactIds("missions.yaml", "missions", c.Missions.Select(m => m.Id), ContentVocabulary.MissionIds, Add);
        ExactIds("skills.yaml", "skills", c.Skills.Select(s => s.Id), ContentVocabulary.SkillIds, Add);
        ExactIds("paths.yaml", "paths", c.Paths.Select(p => p.Id), ContentVocabulary.PathIds, Add);
        ExactIds("roles.yaml", "roles", c.Roles.Select(r => r.Id), ContentVocabulary.RoleProfileIds, Add);
        ExactIds("questions.yaml", "themes", c.QuestionThemes.Select(t => t.Id), ContentVocabulary.QuestionThemeIds, Add);

        Unique("actions.yaml", "step", c.Actions.SelectMany(a => a.Steps).Select(s => s.Id), Add);
        Unique("missions.yaml", "step", c.Missions.SelectMany(m => m.Steps).Select(s => s.Id), Add);
        Unique("paths.yaml", "milestone", c.Paths.SelectMany(p => p.Milestones).Select(m => m.Id), Add);
        Unique("reading.yaml", "book", c.Books.Select(b => b.Id), Add);
        Unique("questions.yaml", "question", c.Questions.Select(q => q.Id), Add);
        Unique("reflection.yaml", "prompt", c.ReflectionPrompts.Select(p => p.Id), Add);
        Unique("org-health.yaml", "indicator", c.HealthIndicators.Select(i => i.Id), Add);

        foreach (var step in c.Actions.SelectMany(a => a.Steps))
        {
            if (!step.Id.StartsWith(step.ActionId + ".", StringComparison.Ordinal))
            {
                Add("actions.yaml", $"step '{step.Id}' must start with its action id '{step.ActionId}.'");
            }

            References("actions.yaml", $"step '{step.Id}' roles", step.Roles, ContentVocabulary.UserRoles, Add);
            References("actions.yaml", $"step '{step.Id}' paths", step.Paths, ContentVocabulary.PathIds, Add);
            if (step.Audience is { } audience)
            {
                References("actions.yaml", $"step '{step.Id}' audience", [audience], ContentVocabulary.StepAudiences, Add);
                if (step.IsJobMarket && step.Paths.Count > 0 && !step.Paths.Contains(ContentVocabulary.AudienceJobChange))
                {
                    Add("actions.yaml", $"step '{step.Id}' is for the job-change path (audience: job_change) but its paths leave that path out, so no one would get it; add job_change to paths or remove paths");
                }
            }
        }

        MissionChecks(c, Add);

        foreach (var path in c.Paths)
        {
            foreach (var milestone in path.Milestones)
            {
                References("paths.yaml", $"milestone '{milestone.Id}' roles", milestone.Roles, ContentVocabulary.UserRoles, Add);
            }
        }

        foreach (var book in c.Books)
        {
            References("reading.yaml", $"book '{book.Id}' actions", book.Actions, ContentVocabulary.ActionIds, Add);
            References("reading.yaml", $"book '{book.Id}' skills", book.Skills, ContentVocabulary.SkillIds, Add);
            References("reading.yaml", $"book '{book.Id}' missions", book.Missions, ContentVocabulary.MissionIds, Add);
        }

        foreach (var question in c.Questions)
        {
            References("questions.yaml", $"question '{question.Id}' theme", [question.Theme], ContentVocabulary.QuestionThemeIds, Add);
            References("questions.yaml", $"question '{question.Id}' actions", question.Actions, ContentVocabulary.ActionIds, Add);
            References("questions.yaml", $"question '{question.Id}' audience", [question.Audience], ContentVocabulary.QuestionAudiences, Add);
        }

        // Each side's agenda suggests questions meant for that side and keeps them from repeating for 8 weeks: both
        // sides need enough to choose from (a weekly pairing asks the report's side one question per meeting).
        foreach (var (side, count) in new[] { ("manager", c.Questions.Count(q => q.ForManager)), ("report", c.Questions.Count(q => q.ForReport)) })
        {
            if (count < MinQuestionsPerAudience)
            {
                Add("questions.yaml", $"at least {MinQuestionsPerAudience} questions must be meant for the {side} (audience {side} or both), has {count}");
            }
        }

        ReflectionPrompts(c.ReflectionPrompts, Add);

        foreach (var theme in ContentVocabulary.QuestionThemeIds)
        {
            var count = c.Questions.Count(q => q.Theme == theme);
            if (count < 6)
            {
                Add("questions.yaml", $"theme '{theme}' needs at least 6 questions, has {count}");
            }
        }
    }

    /// <summary>
    /// Mission steps: ids <c>mission.&lt;mission&gt;.&lt;slug&gt;</c> unique across actions and missions, an existing
    /// action (done and progress count the step there), known roles and paths, and at least one step per mission
    /// that a director sees (issue 16: directors and VPoE-track users get steps at their level).
    /// </summary>
    private static void MissionChecks(ContentCatalog c, Action<string, string> add)
    {
        var actionStepIds = c.Actions.SelectMany(a => a.Steps).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var mission in c.Missions)
        {
            References("missions.yaml", $"mission '{mission.Id}' actions", mission.Actions, ContentVocabulary.ActionIds, add);
            References("missions.yaml", $"mission '{mission.Id}' skills", mission.Skills, ContentVocabulary.SkillIds, add);
            foreach (var step in mission.Steps)
            {
                if (!step.Id.StartsWith($"mission.{mission.Id}.", StringComparison.Ordinal))
                {
                    add("missions.yaml", $"step '{step.Id}' must start with 'mission.{mission.Id}.'");
                }

                if (actionStepIds.Contains(step.Id))
                {
                    add("missions.yaml", $"step id '{step.Id}' is also a step of actions.yaml; step ids must be unique");
                }

                References("missions.yaml", $"step '{step.Id}' action", [step.ActionId], ContentVocabulary.ActionIds, add);
                References("missions.yaml", $"step '{step.Id}' roles", step.Roles, ContentVocabulary.UserRoles, add);
                References("missions.yaml", $"step '{step.Id}' paths", step.Paths, ContentVocabulary.PathIds, add);
            }

            if (mission.Steps.Count > 0 && !mission.Steps.Any(s => s.Roles.Contains("director")))
            {
                add("missions.yaml", $"mission '{mission.Id}' needs at least one step for directors (roles: [.., director])");
            }
        }
    }

    private static void ExactIds(string file, string kind, IEnumerable<string> actual, IReadOnlyList<string> expected, Action<string, string> add)
    {
        var present = actual.Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in expected.Where(id => !present.Contains(id)))
        {
            add(file, $"{kind} must include id '{missing}'");
        }

        foreach (var extra in present.Where(id => !expected.Contains(id)))
        {
            add(file, $"{kind} has unknown id '{extra}'; allowed: {string.Join(", ", expected)}");
        }
    }

    private static void Unique(string file, string kind, IEnumerable<string> ids, Action<string, string> add)
    {
        foreach (var duplicate in ids.Where(id => id.Length > 0).GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            add(file, $"{kind} id '{duplicate.Key}' is used {duplicate.Count()} times; ids must be unique");
        }
    }

    private static void References(string file, string what, IEnumerable<string> values, IReadOnlyList<string> allowed, Action<string, string> add)
    {
        foreach (var value in values.Where(v => v.Length > 0 && !allowed.Contains(v)))
        {
            add(file, $"{what}: '{value}' is not one of {string.Join(", ", allowed)}");
        }
    }

    /// <summary>
    /// The fixed core of every round (two prompts, never retired) and enough prompts in use, both in all and rotating,
    /// so no rotating prompt comes back within 8 weekly rounds.
    /// </summary>
    private static void ReflectionPrompts(IReadOnlyList<ReflectionPrompt> prompts, Action<string, string> add)
    {
        var core = prompts.Where(p => p.Core).ToList();
        if (core.Count != ReflectionCorePrompts)
        {
            add("reflection.yaml", $"exactly {ReflectionCorePrompts} prompts must be core: true (asked every week), has {core.Count}");
        }

        foreach (var prompt in core.Where(p => p.Retired))
        {
            add("reflection.yaml", $"prompt '{prompt.Id}' is core and retired; a core prompt is asked every week, so it cannot be retired");
        }

        var inUse = prompts.Count(p => !p.Retired);
        if (inUse < MinReflectionPrompts)
        {
            add("reflection.yaml", $"at least {MinReflectionPrompts} prompts must be in use (not retired), has {inUse}");
        }

        var rotating = prompts.Count(p => !p.Core && !p.Retired);
        if (rotating < MinRotatingReflectionPrompts)
        {
            add("reflection.yaml", $"at least {MinRotatingReflectionPrompts} rotating prompts (not core, not retired) are needed so none returns within 8 weeks, has {rotating}");
        }
    }
}
