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
                var distance = EditDistance.Between(head, verb);
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
}
