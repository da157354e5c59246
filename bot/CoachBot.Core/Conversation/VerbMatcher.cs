using CoachBot.Content.Model;

namespace CoachBot.Core.Conversation;

/// <summary>
/// Splits typed text into verb and arguments, accepting each language's words for a verb (「完了」 for <c>done</c>), and
/// finds what a typo most likely meant: the sub-command when the text starts with a known group (<c>1on1 agnda</c> is
/// <c>1on1 agenda</c>), else the nearest whole verb.
/// </summary>
public sealed class VerbMatcher
{
    private static readonly char[] Whitespace = [' ', '\t', '\r', '\n', '\u3000'];

    private readonly IReadOnlyList<Entry> _entries;
    private readonly IReadOnlyList<Group> _groups;

    /// <param name="verbs">Known verbs, lowercase; multi-word verbs allowed.</param>
    /// <param name="words">Words typed in place of a command (<c>("完了", "done")</c>, <c>("読了", "reading done")</c>);
    /// each command must start with one of <paramref name="verbs"/>.</param>
    public VerbMatcher(IEnumerable<string> verbs, IEnumerable<(string Word, string Command)>? words = null)
    {
        var known = verbs.Distinct(StringComparer.Ordinal).ToList();
        var entries = known.Select(v => new Entry(Tokens(v), v, string.Empty, v)).ToList();
        var verbsOnly = new VerbMatcher(entries, []);
        foreach (var (word, command) in words ?? [])
        {
            var target = verbsOnly.Match(command)
                ?? throw new ArgumentException($"'{word}' stands for '{command}', which does not start with a known verb.", nameof(words));
            entries.Add(new Entry(Tokens(word), target.Verb, target.Arguments, word.Trim()));
        }

        // Longest first so "forget me" wins over a hypothetical "forget", and 「1on1 完了」 over 「完了」.
        _entries = [.. entries.DistinctBy(e => string.Join(' ', e.Tokens)).OrderByDescending(e => e.Tokens.Length).ThenByDescending(e => e.Display.Length)];
        _groups = [.. _entries
            .Where(e => e.Tokens.Length > 1)
            .GroupBy(e => string.Join(' ', e.Tokens[..^1]), StringComparer.Ordinal)
            .Where(g => g.Select(e => e.Verb).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => new Group(g.First().Tokens[..^1], g.First().Display[..g.First().Display.LastIndexOfAny(Whitespace)].Trim(), g.First().Verb))
            .OrderByDescending(g => g.Tokens.Length)];
    }

    private VerbMatcher(IReadOnlyList<Entry> entries, IReadOnlyList<Group> groups)
    {
        _entries = [.. entries.OrderByDescending(e => e.Tokens.Length).ThenByDescending(e => e.Display.Length)];
        _groups = groups;
    }

    /// <summary>The command for the text, or null when it starts with no known verb or word. Arguments keep their own
    /// spacing and line breaks (notes are the user's words); words and verbs are compared ignoring case and width.</summary>
    public CommandRequest? Match(string text)
    {
        var trimmed = StripSlashCommand(text);
        foreach (var entry in _entries)
        {
            if (StartsWith(trimmed, entry.Tokens) is { } rest)
            {
                var arguments = rest.Trim();
                return new CommandRequest(entry.Verb, entry.Arguments.Length == 0 ? arguments : (entry.Arguments + " " + arguments).Trim());
            }
        }

        return null;
    }

    /// <summary>
    /// When the whole text is only a group's words (<c>1on1</c>, <c>team reflection</c>), a verb of that group (to find
    /// its help topic); else null.
    /// </summary>
    public string? GroupOnly(string text)
    {
        var tokens = Tokens(StripSlashCommand(text));
        return _groups.FirstOrDefault(g => g.Tokens.SequenceEqual(tokens, StringComparer.Ordinal))?.Verb;
    }

    /// <summary>Up to three known verbs closest to what was typed, nearest first.</summary>
    public IReadOnlyList<string> Nearest(string text, int max = 3) => [.. Suggest(text, max).Suggestions.Select(s => s.Verb)];

    /// <summary>What a text that is no command most likely meant; see <see cref="VerbSuggestions"/>.</summary>
    public VerbSuggestions Suggest(string text, int max = 3)
    {
        var typed = StripSlashCommand(text).Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
        var folded = typed.Select(PhraseKey.Fold).ToArray();
        if (folded.Length == 0)
        {
            return new VerbSuggestions(string.Empty, [], null, null);
        }

        // A known group typed exactly: only its sub-commands are candidates, compared on the sub-command alone, so
        // "1on1 agnda" is "1on1 agenda" and never the fifteen other 1on1 verbs that share four letters with it.
        foreach (var group in _groups)
        {
            if (folded.Length <= group.Tokens.Length || !folded.Take(group.Tokens.Length).SequenceEqual(group.Tokens, StringComparer.Ordinal))
            {
                continue;
            }

            var sub = folded[group.Tokens.Length];
            var rest = string.Join(' ', typed.Skip(group.Tokens.Length + 1));
            var close = _entries
                .Where(e => e.Tokens.Length == group.Tokens.Length + 1 && e.Tokens.Take(group.Tokens.Length).SequenceEqual(group.Tokens, StringComparer.Ordinal))
                .Select(e => (e.Verb, Distance: Distance(sub, e.Tokens[^1]), Length: e.Tokens[^1].Length))
                .Where(x => x.Distance <= Allowed(x.Length, sub.Length))
                .Select(x => (x.Verb, x.Distance));
            return new VerbSuggestions(string.Join(' ', typed.Take(group.Tokens.Length + 1)), Best(close, rest, max), group.Display, group.Verb);
        }

        var scored = new List<(string Verb, int Distance, int Consumed)>();
        foreach (var (tokens, verb) in _entries.Select(e => (e.Tokens, e.Verb)))
        {
            if (folded.Length < tokens.Length)
            {
                continue;
            }

            var head = string.Join(' ', folded.Take(tokens.Length));
            var target = string.Join(' ', tokens);
            var distance = Distance(head, target);
            if (tokens.Length == 1 && head.Length >= 2 && target.StartsWith(head, StringComparison.Ordinal))
            {
                distance = Math.Min(distance, 1);
            }

            if (distance <= Allowed(target.Length, head.Length))
            {
                scored.Add((verb, distance, tokens.Length));
            }
        }

        // A typo of the group itself ("1no1 agenda", "1no1"): its topic's help is the useful button. Groups are short
        // words, so one edit only, and never when a whole verb is nearer ("tone" is "done", not "1on1").
        var best = scored.Count > 0 ? scored.Min(s => s.Distance) : int.MaxValue;
        var nearGroup = _groups
            .Where(g => folded.Length >= g.Tokens.Length)
            .Select(g => (Group: g, Distance: Distance(string.Join(' ', folded.Take(g.Tokens.Length)), string.Join(' ', g.Tokens))))
            .Where(x => x.Distance <= 1 && x.Distance <= best)
            .OrderBy(x => x.Distance)
            .Select(x => x.Group)
            .FirstOrDefault();
        var consumed = scored.Count > 0 ? scored.OrderBy(s => s.Distance).First().Consumed : nearGroup?.Tokens.Length ?? 1;
        var suggestions = Best(scored.Select(s => (s.Verb, s.Distance)), string.Join(' ', typed.Skip(consumed)), max);
        return new VerbSuggestions(string.Join(' ', typed.Take(consumed)), suggestions, nearGroup?.Display, nearGroup?.Verb);
    }

    /// <summary>How many edits a typo of a word of this length may have: one for short words, up to three for long ones.</summary>
    private static int Allowed(int targetLength, int typedLength) => Math.Max(targetLength, typedLength) switch
    {
        <= 3 => 1,
        <= 6 => 2,
        _ => 3,
    };

    private static IReadOnlyList<Suggestion> Best(IEnumerable<(string Verb, int Distance)> scored, string rest, int max) =>
        [.. scored
            .GroupBy(x => x.Verb, StringComparer.Ordinal)
            .Select(g => (Verb: g.Key, Distance: g.Min(x => x.Distance)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Verb, StringComparer.Ordinal)
            .Take(max)
            .Select(x => new Suggestion(x.Verb, rest))];

    private static int Distance(string a, string b) => EditDistance.Between(a, b);

    /// <summary>The rest of the text after the tokens, or null when the text does not start with them.</summary>
    private static string? StartsWith(string text, IReadOnlyList<string> tokens)
    {
        var rest = text.AsSpan();
        foreach (var token in tokens)
        {
            rest = rest.TrimStart(Whitespace);
            var end = rest.IndexOfAny(Whitespace);
            var head = end < 0 ? rest : rest[..end];
            if (!string.Equals(PhraseKey.Fold(head.ToString()), token, StringComparison.Ordinal))
            {
                return null;
            }

            rest = rest[head.Length..];
        }

        return rest.ToString();
    }

    private static string[] Tokens(string text) => [.. text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries).Select(PhraseKey.Fold)];

    private static string StripSlashCommand(string text)
    {
        var trimmed = text.Trim();
        // People paste the Slack form into other channels; accept it anywhere.
        return trimmed.StartsWith("/coach", StringComparison.OrdinalIgnoreCase) ? trimmed["/coach".Length..].Trim() : trimmed;
    }

    /// <summary>A verb or a word for one: its folded tokens, the verb it runs and the arguments it adds.</summary>
    private sealed record Entry(string[] Tokens, string Verb, string Arguments, string Display);

    /// <summary>Words that several verbs start with (<c>1on1</c>): a typo after them is a typo of a sub-command.</summary>
    private sealed record Group(string[] Tokens, string Display, string Verb);
}
