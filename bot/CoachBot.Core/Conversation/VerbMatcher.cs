namespace CoachBot.Core.Conversation;

/// <summary>Splits typed text into verb and arguments, and finds the nearest verbs for a typo.</summary>
public sealed class VerbMatcher
{
    private readonly IReadOnlyList<string> _verbs;

    /// <param name="verbs">Known verbs, lowercase; multi-word verbs allowed.</param>
    public VerbMatcher(IEnumerable<string> verbs)
    {
        // Longest first so "forget me" wins over a hypothetical "forget".
        _verbs = [.. verbs.Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
    }

    /// <summary>The command for the text, or null when it starts with no known verb. Arguments keep their own
    /// spacing and line breaks (notes are the user's words).</summary>
    public CommandRequest? Match(string text)
    {
        var trimmed = StripSlashCommand(text);
        foreach (var verb in _verbs)
        {
            var rest = trimmed.AsSpan();
            var matched = true;
            foreach (var word in verb.Split(' '))
            {
                rest = rest.TrimStart();
                var end = rest.IndexOfAny(Whitespace);
                var head = end < 0 ? rest : rest[..end];
                if (!head.Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    matched = false;
                    break;
                }

                rest = rest[head.Length..];
            }

            if (matched)
            {
                return new CommandRequest(verb, rest.Trim().ToString());
            }
        }

        return null;
    }

    /// <summary>Up to three known verbs closest to the first word(s) of the text, nearest first.</summary>
    public IReadOnlyList<string> Nearest(string text, int max = 3)
    {
        var normalized = Normalize(text).ToLowerInvariant();
        var firstWord = normalized.Split(' ', 2)[0];
        return _verbs
            .Select(verb =>
            {
                var head = verb.Split(' ').Length > 1 ? string.Join(' ', normalized.Split(' ').Take(verb.Split(' ').Length)) : firstWord;
                var distance = Distance(head, verb);
                if (verb.StartsWith(firstWord, StringComparison.Ordinal) && firstWord.Length > 0)
                {
                    distance = Math.Min(distance, 1);
                }

                return (verb, distance);
            })
            .Where(x => x.distance <= Math.Max(2, x.verb.Length / 2))
            .OrderBy(x => x.distance)
            .ThenBy(x => x.verb, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.verb)
            .ToList();
    }

    private static readonly char[] Whitespace = [' ', '\t', '\r', '\n', '\u3000'];

    private static string StripSlashCommand(string text)
    {
        var trimmed = text.Trim();
        // People paste the Slack form into other channels; accept it anywhere.
        return trimmed.StartsWith("/coach", StringComparison.OrdinalIgnoreCase) ? trimmed["/coach".Length..].Trim() : trimmed;
    }

    private static string Normalize(string text) =>
        string.Join(' ', StripSlashCommand(text).Split(Whitespace, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
