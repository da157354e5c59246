using System.Text.RegularExpressions;
using CoachBot.Content.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CoachBot.Content.Loading;

/// <summary>
/// Loads <c>content/&lt;lang&gt;/*.yaml</c> into a <see cref="ContentLibrary"/> and validates it: required fields,
/// unknown fields, id format and uniqueness, counts the product promises, references between kinds, and that every
/// id and string key exists in every language. Any problem throws <see cref="ContentValidationException"/>.
/// </summary>
public static partial class ContentLoader
{
    /// <summary>Languages CoachBot ships; each must be a folder under the content root.</summary>
    public static readonly IReadOnlyList<string> SupportedLanguages = ["en", "ja"];

    /// <summary>Loads and validates every supported language under <paramref name="contentRoot"/>.</summary>
    public static ContentLibrary Load(string contentRoot)
    {
        var problems = new List<ContentProblem>();
        var catalogs = new Dictionary<string, ContentCatalog>(StringComparer.Ordinal);
        if (!Directory.Exists(contentRoot))
        {
            problems.Add(new ContentProblem(contentRoot, 0, "the content folder does not exist; set Content:Path to the folder that holds en/ and ja/"));
            throw new ContentValidationException(contentRoot, problems);
        }

        foreach (var language in SupportedLanguages)
        {
            catalogs[language] = LoadLanguage(contentRoot, language, problems);
        }

        CrossLanguageChecks.Run(catalogs, problems);
        if (problems.Count > 0)
        {
            throw new ContentValidationException(contentRoot, problems);
        }

        return new ContentLibrary(catalogs);
    }

    private static ContentCatalog LoadLanguage(string root, string language, List<ContentProblem> problems)
    {
        YamlNodeReader? Open(string name) => OpenFile(root, language, name, problems);

        var actions = ReadActions(Open("actions.yaml"));
        var catalog = new ContentCatalog
        {
            Language = language,
            Actions = actions,
            Missions = ReadMissions(Open("missions.yaml")),
            Skills = ReadSkills(Open("skills.yaml")),
            Paths = ReadPaths(Open("paths.yaml"), out var salary),
            Salary = salary,
            Roles = ReadRoles(Open("roles.yaml")),
            Books = ReadBooks(Open("reading.yaml")),
            QuestionThemes = ReadThemes(Open("questions.yaml"), out var questions),
            Questions = questions,
            ReflectionPrompts = ReadPrompts(Open("reflection.yaml")),
            HealthIndicators = ReadIndicators(Open("org-health.yaml")),
            Strings = ReadStrings([Open("strings.yaml"), .. FeatureStringFiles(root, language).Select(Open)]),
            Intents = ReadIntents(Open("intents.yaml")),
        };
        CatalogChecks.Run(catalog, problems);
        return catalog;
    }

    private static YamlNodeReader? OpenFile(string root, string language, string name, List<ContentProblem> problems)
    {
        var relative = $"{language}/{name}";
        var path = Path.Combine(root, language, name);
        if (!File.Exists(path))
        {
            problems.Add(new ContentProblem(relative, 0, "file is missing"));
            return null;
        }

        try
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(path))
            {
                stream.Load(reader);
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                problems.Add(new ContentProblem(relative, 1, "the file must hold one YAML mapping"));
                return null;
            }

            return new YamlNodeReader(mapping, relative, string.Empty, problems);
        }
        catch (YamlException ex)
        {
            problems.Add(new ContentProblem(relative, ex.Start.Line, $"not valid YAML: {ex.Message}"));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // The YAML scanner throws this (without a position) for a few malformed inputs.
            problems.Add(new ContentProblem(relative, 0, $"not valid YAML: {ex.Message}"));
            return null;
        }
    }

    private static List<T> Each<T>(YamlNodeReader? file, string key, int minCount, Func<YamlNodeReader, T> read)
    {
        if (file is null)
        {
            return [];
        }

        var result = file.Items(key, minCount).Select(item =>
        {
            var value = read(item);
            item.RejectUnknownKeys();
            return value;
        }).ToList();
        return result;
    }

    private static void Finish(YamlNodeReader? file) => file?.RejectUnknownKeys();

    private static List<HabitAction> ReadActions(YamlNodeReader? file)
    {
        var result = Each(file, "actions", 5, a =>
        {
            var id = a.Id();
            var steps = a.Items("steps", 6).Select(s =>
            {
                var step = new MicroStep(s.Id(), id, s.Text("text"), s.Int("minutes", 5, 30),
                    s.TextList("roles", 0), s.TextList("paths", 0)) { Audience = s.OptionalText("audience") };
                s.RejectUnknownKeys();
                return step;
            }).ToList();
            return new HabitAction(id, a.Text("title"), a.Text("summary"), steps);
        });
        Finish(file);
        return result;
    }

    /// <summary>Fewest steps of a mission (issue 16: at least 8 for each of the six).</summary>
    public const int MinStepsPerMission = 8;

    private static List<Mission> ReadMissions(YamlNodeReader? file)
    {
        var result = Each(file, "missions", 6, m =>
        {
            var id = m.Id();
            var steps = m.Items("steps", MinStepsPerMission).Select(s =>
            {
                var step = new MicroStep(s.Id(), s.Text("action"), s.Text("text"), s.Int("minutes", 5, 30),
                    s.TextList("roles", 0), s.TextList("paths", 0), id);
                s.RejectUnknownKeys();
                return step;
            }).ToList();
            return new Mission(id, m.Text("title"), m.Text("summary"), m.TextList("activities", 3))
            {
                Practice = m.Text("practice"),
                Actions = m.TextList("actions", 1),
                Skills = m.TextList("skills", 1),
                Steps = steps,
            };
        });
        Finish(file);
        return result;
    }

    private static List<Skill> ReadSkills(YamlNodeReader? file)
    {
        var result = Each(file, "skills", 5, s =>
        {
            var levels = s.TextMap("rubric");
            var rubric = new string[5];
            foreach (var (key, text, _) in levels)
            {
                if (int.TryParse(key, out var level) && level is >= 1 and <= 5)
                {
                    rubric[level - 1] = text;
                }
                else
                {
                    s.Problem($"rubric level '{key}' must be 1, 2, 3, 4 or 5");
                }
            }

            for (var i = 0; i < rubric.Length; i++)
            {
                if (rubric[i] is null)
                {
                    s.Problem($"rubric is missing level {i + 1}");
                    rubric[i] = string.Empty;
                }
            }

            return new Skill(s.Id(), s.Text("title"), s.Text("summary"), rubric);
        });
        Finish(file);
        return result;
    }

    private static List<CareerPath> ReadPaths(YamlNodeReader? file, out SalaryFacts salary)
    {
        salary = ReadSalary(file?.Mapping("salary"));
        var result = Each(file, "paths", 3, p =>
        {
            var milestones = p.Items("milestones", 3).Select(m =>
            {
                var milestone = new Milestone(m.Id(), m.Text("title"), m.Text("detail"), m.OptionalText("typical_years"),
                    m.TextList("roles", 0), m.Text("next_step"));
                m.RejectUnknownKeys();
                return milestone;
            }).ToList();
            return new CareerPath(p.Id(), p.Text("title"), p.Text("summary"), p.Text("suits"), milestones);
        });
        Finish(file);
        return result;
    }

    private static SalaryFacts ReadSalary(YamlNodeReader? salary)
    {
        if (salary is null)
        {
            return new SalaryFacts(string.Empty, [], [], string.Empty);
        }

        IReadOnlyList<SalaryFact> Facts(string key) => [.. salary.Items(key, 3).Select(f =>
        {
            var fact = new SalaryFact(f.Text("label"), f.Text("value"));
            f.RejectUnknownKeys();
            return fact;
        })];

        var result = new SalaryFacts(salary.Text("summary"), Facts("by_company_size"), Facts("factors"), salary.Text("source"));
        salary.RejectUnknownKeys();
        return result;
    }

    private static List<RoleProfile> ReadRoles(YamlNodeReader? file)
    {
        var result = Each(file, "roles", 5, r => new RoleProfile(r.Id(), r.Text("title"), r.Text("question"),
            r.Text("focus"), r.Text("scope"), r.Text("horizon"), r.Text("summary")));
        Finish(file);
        return result;
    }

    private static List<Book> ReadBooks(YamlNodeReader? file)
    {
        var result = Each(file, "books", 5, b =>
        {
            var book = new Book(b.Id(), b.Text("title"), b.Text("author"), b.Text("why"), b.TextList("actions", 1),
                b.TextList("skills", 1), b.TextList("questions", 3))
            {
                Missions = b.TextList("missions", 0),
            };
            if (book.Questions.Count != 3)
            {
                b.Problem($"a book needs exactly 3 reflection questions, has {book.Questions.Count}");
            }

            return book;
        });
        Finish(file);
        return result;
    }

    private static List<QuestionTheme> ReadThemes(YamlNodeReader? file, out IReadOnlyList<OneOnOneQuestion> questions)
    {
        var themes = Each(file, "themes", 6, t => new QuestionTheme(t.Id(), t.Text("title")));
        questions = Each(file, "questions", 40, q => new OneOnOneQuestion(q.Id(), q.Text("theme"), q.Text("text"), q.TextList("actions", 0), q.Text("audience")));
        Finish(file);
        return themes;
    }

    private static List<ReflectionPrompt> ReadPrompts(YamlNodeReader? file)
    {
        var result = Each(file, "prompts", 24, p => new ReflectionPrompt(p.Id(), p.Text("text"), p.OptionalFlag("core"), p.OptionalFlag("retired")));
        Finish(file);
        return result;
    }

    private static List<HealthIndicator> ReadIndicators(YamlNodeReader? file)
    {
        var result = Each(file, "indicators", 6, i => new HealthIndicator(i.Id(), i.Text("title"), i.Text("description"),
            i.Text("measure"), i.Text("signal")));
        Finish(file);
        return result;
    }

    /// <summary>
    /// intents.yaml: command words and everyday phrasings. Which command each one runs is checked by the conversation
    /// core, which knows the verbs (CoachBot.Core's VerbCatalog); here, the shape and that no two entries collide.
    /// </summary>
    private static IntentTable ReadIntents(YamlNodeReader? file)
    {
        if (file is null)
        {
            return IntentTable.Empty;
        }

        var words = new List<CommandWord>();
        var seenWords = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in file.Items("words", 0))
        {
            var command = item.Text("command");
            foreach (var text in item.TextList("words", 1))
            {
                var tokens = text.Split(IntentSpace, StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length > 3)
                {
                    item.Problem($"word '{text}' has {tokens.Length} words; a command word is at most 3 words (write longer sentences under intents)");
                }

                var key = string.Join(' ', tokens.Select(PhraseKey.Fold));
                if (!seenWords.TryAdd(key, command))
                {
                    item.Problem($"word '{text}' is listed twice (also for '{seenWords[key]}'); a word stands for one command");
                }

                words.Add(new CommandWord(text, command, item.Line));
            }

            item.RejectUnknownKeys();
        }

        var intents = new List<Intent>();
        var seenPhrases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in file.Items("intents", 1))
        {
            var id = item.Id();
            var command = item.Text("command");
            var phrases = item.TextList("phrases", 2);
            foreach (var phrase in phrases)
            {
                var key = PhraseKey.Of(phrase);
                if (key.Length == 0)
                {
                    item.Problem($"phrase '{phrase}' has no letters or digits");
                }
                else if (!seenPhrases.TryAdd(key, id))
                {
                    item.Problem($"phrase '{phrase}' is the same as one of intent '{seenPhrases[key]}' once case, width and punctuation are ignored");
                }
            }

            if (intents.Any(i => i.Id == id))
            {
                item.Problem($"intent id '{id}' is used twice; ids must be unique");
            }

            intents.Add(new Intent(id, command, phrases, item.Line));
            item.RejectUnknownKeys();
        }

        Finish(file);
        return new IntentTable(words, intents);
    }

    private static readonly char[] IntentSpace = [' ', '\t', '\u3000'];

    /// <summary>
    /// Feature string files (<c>strings.&lt;feature&gt;.yaml</c>) beside <c>strings.yaml</c>: each feature keeps its
    /// sentences in its own file, and together they form one table.
    /// </summary>
    private static IEnumerable<string> FeatureStringFiles(string root, string language)
    {
        var folder = Path.Combine(root, language);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "strings.*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];
    }

    private static StringTable ReadStrings(IEnumerable<YamlNodeReader?> files)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.OfType<YamlNodeReader>())
        {
            foreach (var (key, value, line) in file.TextMap(null))
            {
                if (!StringKey().IsMatch(key))
                {
                    file.Problem($"string key '{key}' (line {line}) must be lowercase words joined by dots");
                }

                if (!entries.TryAdd(key, value))
                {
                    file.Problem($"string key '{key}' (line {line}) is defined in another strings file too; keep each key in one file");
                }
            }
        }

        return new StringTable(entries);
    }

    [GeneratedRegex(@"^[a-z0-9_]+(\.[a-z0-9_]+)*$")]
    private static partial Regex StringKey();
}
