using CoachBot.Content.Model;

namespace CoachBot.Content.Loading;

/// <summary>
/// Checks between languages: every id and string key of the default language exists in every other language and
/// the other way round, string placeholders match, and non-text step fields agree.
/// </summary>
internal static class CrossLanguageChecks
{
    public static void Run(IReadOnlyDictionary<string, ContentCatalog> catalogs, List<ContentProblem> problems)
    {
        if (!catalogs.TryGetValue(ContentLibrary.DefaultLanguage, out var reference))
        {
            return;
        }

        foreach (var (language, other) in catalogs)
        {
            if (language == reference.Language)
            {
                continue;
            }

            void Compare(string file, Func<ContentCatalog, IEnumerable<string>> ids)
            {
                var mine = ids(reference).ToHashSet(StringComparer.Ordinal);
                var theirs = ids(other).ToHashSet(StringComparer.Ordinal);
                foreach (var id in mine.Except(theirs).Order(StringComparer.Ordinal))
                {
                    problems.Add(new ContentProblem($"{language}/{file}", 0, $"id '{id}' exists in {reference.Language}/{file} but not here; every id must exist in every language"));
                }

                foreach (var id in theirs.Except(mine).Order(StringComparer.Ordinal))
                {
                    problems.Add(new ContentProblem($"{reference.Language}/{file}", 0, $"id '{id}' exists in {language}/{file} but not here; every id must exist in every language"));
                }
            }

            Compare("actions.yaml", c => c.Actions.SelectMany(a => a.Steps.Select(s => s.Id).Append(a.Id)));
            Compare("missions.yaml", c => c.Missions.SelectMany(m => m.Steps.Select(s => s.Id).Append(m.Id)));
            Compare("skills.yaml", c => c.Skills.Select(s => s.Id));
            Compare("paths.yaml", c => c.Paths.SelectMany(p => p.Milestones.Select(m => m.Id).Append(p.Id)));
            Compare("roles.yaml", c => c.Roles.Select(r => r.Id));
            Compare("reading.yaml", c => c.Books.Select(b => b.Id));
            Compare("questions.yaml", c => c.Questions.Select(q => q.Id).Concat(c.QuestionThemes.Select(t => "theme:" + t.Id)));
            Compare("reflection.yaml", c => c.ReflectionPrompts.Select(p => p.Id));
            Compare("org-health.yaml", c => c.HealthIndicators.Select(i => i.Id));
            Compare("strings.yaml", c => c.Strings.Keys);
            Compare("intents.yaml", c => c.Intents.Intents.Select(i => i.Id));

            foreach (var intent in reference.Intents.Intents)
            {
                // Like a step's minutes: what an intent does is not translated, only how people say it.
                if (other.Intents.Intents.FirstOrDefault(i => i.Id == intent.Id) is { } twin && twin.Command != intent.Command)
                {
                    problems.Add(new ContentProblem($"{language}/intents.yaml", twin.Line,
                        $"intent '{intent.Id}' runs '{twin.Command}' here but '{intent.Command}' in {reference.Language}/intents.yaml; an intent runs the same command in every language"));
                }
            }

            foreach (var key in reference.Strings.Keys.Where(other.Strings.Contains))
            {
                var expected = StringTable.PlaceholdersOf(reference.Strings.Template(key));
                var actual = StringTable.PlaceholdersOf(other.Strings.Template(key));
                if (!expected.SequenceEqual(actual))
                {
                    problems.Add(new ContentProblem($"{language}/strings.yaml", 0,
                        $"key '{key}' uses placeholders {{{string.Join("}, {", actual)}}} but {reference.Language} uses {{{string.Join("}, {", expected)}}}"));
                }
            }

            foreach (var step in reference.Actions.SelectMany(a => a.Steps))
            {
                var twin = other.FindStep(step.Id);
                if (twin is not null && (twin.Minutes != step.Minutes || !twin.Roles.SequenceEqual(step.Roles) || !twin.Paths.SequenceEqual(step.Paths) || twin.Audience != step.Audience))
                {
                    problems.Add(new ContentProblem($"{language}/actions.yaml", 0,
                        $"step '{step.Id}': minutes, roles, paths and audience must be the same as in {reference.Language}/actions.yaml"));
                }
            }

            foreach (var mission in reference.Missions)
            {
                if (other.FindMission(mission.Id) is not { } twinMission)
                {
                    continue;
                }

                if (!twinMission.Actions.SequenceEqual(mission.Actions) || !twinMission.Skills.SequenceEqual(mission.Skills))
                {
                    problems.Add(new ContentProblem($"{language}/missions.yaml", 0,
                        $"mission '{mission.Id}': actions and skills must be the same as in {reference.Language}/missions.yaml"));
                }

                foreach (var step in mission.Steps)
                {
                    var twin = twinMission.Steps.FirstOrDefault(s => s.Id == step.Id);
                    if (twin is not null && (twin.ActionId != step.ActionId || twin.Minutes != step.Minutes
                        || !twin.Roles.SequenceEqual(step.Roles) || !twin.Paths.SequenceEqual(step.Paths)))
                    {
                        problems.Add(new ContentProblem($"{language}/missions.yaml", 0,
                            $"step '{step.Id}': action, minutes, roles and paths must be the same as in {reference.Language}/missions.yaml"));
                    }
                }
            }

            foreach (var book in reference.Books)
            {
                if (other.Books.FirstOrDefault(b => b.Id == book.Id) is { } twin && !twin.Missions.SequenceEqual(book.Missions))
                {
                    problems.Add(new ContentProblem($"{language}/reading.yaml", 0,
                        $"book '{book.Id}': missions must be the same as in {reference.Language}/reading.yaml"));
                }
            }

            // Who a question is meant for decides which agenda shows it: a translation must not move it to the other side.
            foreach (var question in reference.Questions)
            {
                if (other.Questions.FirstOrDefault(q => q.Id == question.Id) is { } twin && twin.Audience != question.Audience)
                {
                    problems.Add(new ContentProblem($"{language}/questions.yaml", 0,
                        $"question '{question.Id}': audience is '{twin.Audience}' but '{question.Audience}' in {reference.Language}/questions.yaml"));
                }
            }

            ListLengths(reference, other, problems);
        }
    }

    /// <summary>
    /// A translation says the same number of things: rubric levels, a book's questions, actions and skills, a mission's
    /// activities, a path's milestones and their roles, an action's steps, a question's actions, the salary lists, and
    /// the reflection prompts' core and retired flags (which decide what a round asks).
    /// </summary>
    private static void ListLengths(ContentCatalog reference, ContentCatalog other, List<ContentProblem> problems)
    {
        var language = other.Language;
        void Lengths<T>(string file, string what, IEnumerable<T> mine, Func<T, string> id, Func<T, int> count, IEnumerable<T> theirs)
        {
            var twins = theirs.GroupBy(id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var item in mine)
            {
                if (twins.TryGetValue(id(item), out var twin) && count(twin) != count(item))
                {
                    problems.Add(new ContentProblem($"{language}/{file}", 0,
                        $"'{id(item)}' has {count(twin)} {what} but {count(item)} in {reference.Language}/{file}; a translation keeps every entry of a list"));
                }
            }
        }

        Lengths("skills.yaml", "rubric levels", reference.Skills, s => s.Id, s => s.Rubric.Count, other.Skills);
        Lengths("reading.yaml", "questions", reference.Books, b => b.Id, b => b.Questions.Count, other.Books);
        Lengths("missions.yaml", "activities", reference.Missions, m => m.Id, m => m.Activities.Count, other.Missions);
        Lengths("paths.yaml", "milestones", reference.Paths, p => p.Id, p => p.Milestones.Count, other.Paths);
        Lengths("actions.yaml", "steps", reference.Actions, a => a.Id, a => a.Steps.Count, other.Actions);
        Lengths("reading.yaml", "actions", reference.Books, b => b.Id, b => b.Actions.Count, other.Books);
        Lengths("reading.yaml", "skills", reference.Books, b => b.Id, b => b.Skills.Count, other.Books);
        Lengths("paths.yaml", "roles", reference.Paths.SelectMany(p => p.Milestones), m => m.Id, m => m.Roles.Count, other.Paths.SelectMany(p => p.Milestones));
        Lengths("questions.yaml", "actions", reference.Questions, q => q.Id, q => q.Actions.Count, other.Questions);

        foreach (var (what, mine, theirs) in new[]
        {
            ("salary ranges by company size", reference.Salary.ByCompanySize.Count, other.Salary.ByCompanySize.Count),
            ("salary factors", reference.Salary.Factors.Count, other.Salary.Factors.Count),
        })
        {
            if (mine != theirs)
            {
                problems.Add(new ContentProblem($"{language}/paths.yaml", 0,
                    $"salary has {theirs} {what} but {mine} in {reference.Language}/paths.yaml; a translation keeps every entry of a list"));
            }
        }

        foreach (var prompt in reference.ReflectionPrompts)
        {
            if (other.ReflectionPrompts.FirstOrDefault(p => p.Id == prompt.Id) is { } twin && (twin.Core != prompt.Core || twin.Retired != prompt.Retired))
            {
                problems.Add(new ContentProblem($"{language}/reflection.yaml", 0,
                    $"prompt '{prompt.Id}': core and retired must be the same as in {reference.Language}/reflection.yaml"));
            }
        }
    }
}
