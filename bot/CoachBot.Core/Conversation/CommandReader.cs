using CoachBot.Content.Loading;
using CoachBot.Content.Model;

namespace CoachBot.Core.Conversation;

/// <summary>
/// Turns what a person typed into a command: an everyday phrasing of a whole message from the intents table ("how am I
/// doing?", 「進捗を見せて」), a verb or a language's word for it (<c>progress</c>, 「進捗」) with its arguments, or a group
/// typed alone (<c>1on1</c>: its help page). Every language's words and phrases are understood whatever the person's
/// language, so switching the reply language never makes the bot forget a word. No language model: a table lookup.
/// </summary>
public sealed class CommandReader
{
    private readonly ContentLibrary _content;
    private readonly VerbMatcher _matcher;
    private readonly Dictionary<string, Dictionary<string, CommandRequest>> _phrases = new(StringComparer.Ordinal);

    /// <exception cref="ContentValidationException">An intents.yaml entry runs no known verb, or two languages give
    /// the same word different meanings.</exception>
    public CommandReader(ContentLibrary content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = Check(content);
        if (problems.Count > 0)
        {
            throw new ContentValidationException("content", problems);
        }

        _content = content;
        _matcher = new VerbMatcher(VerbCatalog.Verbs, content.Languages.SelectMany(l => content.For(l).Intents.Words.Select(w => (w.Text, w.Command))));
        foreach (var language in content.Languages)
        {
            var table = new Dictionary<string, CommandRequest>(StringComparer.Ordinal);
            foreach (var intent in content.For(language).Intents.Intents)
            {
                var command = _matcher.Match(intent.Command)!;
                foreach (var phrase in intent.Phrases)
                {
                    table.TryAdd(PhraseKey.Of(phrase), command);
                }
            }

            _phrases[language] = table;
        }
    }

    /// <summary>The matcher of every verb and every language's words for them.</summary>
    public VerbMatcher Matcher => _matcher;

    /// <summary>
    /// The command for a whole message, or null when it is none. An intent phrase wins over a verb at its start ("help
    /// me" is <c>help</c>, not help on "me"); the person's language is asked first.
    /// </summary>
    public CommandRequest? Read(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = PhraseKey.Of(StripSlashCommand(text));
        if (key.Length > 0)
        {
            foreach (var table in Tables(language))
            {
                if (table.TryGetValue(key, out var intent))
                {
                    return intent;
                }
            }
        }

        if (_matcher.Match(text) is { } command)
        {
            return command;
        }

        // "1on1" or 「チームふりかえり」 alone: the person wants to know what they can do there.
        return _matcher.GroupOnly(text) is { } groupVerb ? new CommandRequest("help", VerbCatalog.Find(groupVerb)!.Topic) : null;
    }

    /// <summary>What a text that is no command most likely meant.</summary>
    public VerbSuggestions Suggest(string text) => _matcher.Suggest(text);

    /// <summary>The words a language has for exactly this verb (「今日」 for <c>today</c>), in file order.</summary>
    public IReadOnlyList<string> WordsFor(string verb, string language) =>
        [.. _content.For(language).Intents.Words.Where(w => w.Command == verb).Select(w => w.Text)];

    /// <summary>
    /// What a person of this language types for a verb: the verb itself in English (the verbs' own language), else
    /// their language's first word for it (「今日」 for <c>today</c>), or the verb when the language has none.
    /// </summary>
    public string Display(string verb, string language) =>
        language == ContentLibrary.DefaultLanguage ? verb : WordsFor(verb, language) is [var first, ..] ? first : verb;

    /// <summary>
    /// The checks that need the verbs: every word and intent runs a verb of <see cref="VerbCatalog"/>, and a word or
    /// phrase that two languages share means the same command in both (they are all understood together).
    /// </summary>
    public static IReadOnlyList<ContentProblem> Check(ContentLibrary content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<ContentProblem>();
        var verbs = new VerbMatcher(VerbCatalog.Verbs);
        var words = new Dictionary<string, (string Command, string Language)>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, (string Command, string Language)>(StringComparer.Ordinal);
        foreach (var language in content.Languages)
        {
            var file = $"{language}/intents.yaml";
            var table = content.For(language).Intents;
            foreach (var word in table.Words)
            {
                if (verbs.Match(word.Command) is null)
                {
                    problems.Add(new ContentProblem(file, word.Line, $"word '{word.Text}' stands for '{word.Command}', which does not start with a verb; verbs: {string.Join(", ", VerbCatalog.Verbs)}"));
                }

                var key = string.Join(' ', word.Text.Split(' ', '\u3000').Where(t => t.Length > 0).Select(PhraseKey.Fold));
                if (words.TryGetValue(key, out var other) && other.Command != word.Command)
                {
                    problems.Add(new ContentProblem(file, word.Line, $"word '{word.Text}' stands for '{word.Command}' here but for '{other.Command}' in {other.Language}/intents.yaml"));
                }

                words.TryAdd(key, (word.Command, language));
            }

            foreach (var intent in table.Intents)
            {
                if (verbs.Match(intent.Command) is null)
                {
                    problems.Add(new ContentProblem(file, intent.Line, $"intent '{intent.Id}' runs '{intent.Command}', which does not start with a verb; verbs: {string.Join(", ", VerbCatalog.Verbs)}"));
                }

                foreach (var phrase in intent.Phrases)
                {
                    var key = PhraseKey.Of(phrase);
                    if (phrases.TryGetValue(key, out var other) && other.Command != intent.Command)
                    {
                        problems.Add(new ContentProblem(file, intent.Line, $"phrase '{phrase}' runs '{intent.Command}' here but '{other.Command}' in {other.Language}/intents.yaml"));
                    }

                    phrases.TryAdd(key, (intent.Command, language));
                }
            }
        }

        return problems;
    }

    private IEnumerable<Dictionary<string, CommandRequest>> Tables(string language)
    {
        if (_phrases.TryGetValue(language, out var mine))
        {
            yield return mine;
        }

        foreach (var (other, table) in _phrases)
        {
            if (other != language)
            {
                yield return table;
            }
        }
    }

    private static string StripSlashCommand(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith("/coach", StringComparison.OrdinalIgnoreCase) ? trimmed["/coach".Length..] : trimmed;
    }
}
