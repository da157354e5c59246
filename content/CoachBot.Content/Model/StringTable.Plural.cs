using System.Globalization;
using System.Text;

namespace CoachBot.Content.Model;

/// <summary>
/// Plural choice in templates, the ICU MessageFormat subset the content needs:
/// <c>{count, plural, =0 {none yet} one {# day} other {# days}}</c>. <c>=N</c> matches the exact number, <c>one</c>
/// matches 1 (English; Japanese has no plural forms and writes <c>other</c> only), <c>other</c> everything else; <c>#</c>
/// is the number. The chosen text may hold ordinary <c>{name}</c> placeholders.
/// </summary>
public sealed partial class StringTable
{
    private const string PluralMarker = ", plural,";

    /// <summary>Replaces every plural block of <paramref name="template"/> with the branch its number selects.</summary>
    private static string ExpandPlurals(string template, (string Name, object? Value)[] args)
    {
        var start = template.IndexOf(PluralMarker, StringComparison.Ordinal);
        if (start < 0)
        {
            return template;
        }

        var output = new StringBuilder();
        var position = 0;
        while (start >= 0)
        {
            var open = template.LastIndexOf('{', start);
            var end = MatchingBrace(template, open);
            if (open < 0 || end < 0)
            {
                break;
            }

            var name = template[(open + 1)..start].Trim();
            output.Append(template, position, open - position);
            var value = args.FirstOrDefault(a => a.Name == name).Value;
            output.Append(value is null ? template[open..(end + 1)] : Choose(template[(start + PluralMarker.Length)..end], Convert.ToInt64(value, CultureInfo.InvariantCulture)));
            position = end + 1;
            start = template.IndexOf(PluralMarker, position, StringComparison.Ordinal);
        }

        output.Append(template, position, template.Length - position);
        return output.ToString();
    }

    /// <summary>
    /// Splits the plural blocks out of <paramref name="template"/>: the text outside them, the names they count, and the
    /// inside of every branch (a branch's braces delimit its text, so <c>one {once}</c> is the word "once", not a
    /// placeholder).
    /// </summary>
    private static (string Outside, List<string> Names, List<string> Branches) SplitPlurals(string template)
    {
        var names = new List<string>();
        var branches = new List<string>();
        var outside = new StringBuilder();
        var position = 0;
        var start = template.IndexOf(PluralMarker, StringComparison.Ordinal);
        while (start >= 0)
        {
            var open = template.LastIndexOf('{', start);
            var end = MatchingBrace(template, open);
            if (open < 0 || end < 0)
            {
                break;
            }

            outside.Append(template, position, open - position);
            names.Add(template[(open + 1)..start].Trim());
            var body = template[(start + PluralMarker.Length)..end];
            for (var i = body.IndexOf('{'); i >= 0; i = body.IndexOf('{', i))
            {
                var close = MatchingBrace(body, i);
                if (close < 0)
                {
                    break;
                }

                branches.Add(body[(i + 1)..close]);
                i = close + 1;
            }

            position = end + 1;
            start = template.IndexOf(PluralMarker, position, StringComparison.Ordinal);
        }

        outside.Append(template, position, template.Length - position);
        return (outside.ToString(), names, branches);
    }

    /// <summary>The branch for <paramref name="count"/> from "=0 {..} one {..} other {..}", with # replaced.</summary>
    private static string Choose(string branches, long count)
    {
        string? one = null, other = null, exact = null;
        var i = 0;
        while (i < branches.Length)
        {
            var open = branches.IndexOf('{', i);
            var close = MatchingBrace(branches, open);
            if (open < 0 || close < 0)
            {
                break;
            }

            var selector = branches[i..open].Trim();
            var text = branches[(open + 1)..close];
            if (selector == "=" + count.ToString(CultureInfo.InvariantCulture))
            {
                exact = text;
            }
            else if (selector == "one")
            {
                one = text;
            }
            else if (selector == "other")
            {
                other = text;
            }

            i = close + 1;
        }

        var chosen = exact ?? (count == 1 ? one ?? other : other) ?? string.Empty;
        return chosen.Replace("#", count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>The index of the brace closing the one at <paramref name="open"/>, or -1.</summary>
    private static int MatchingBrace(string text, int open)
    {
        if (open < 0)
        {
            return -1;
        }

        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
