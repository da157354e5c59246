using System.Text;
using System.Text.Json.Nodes;

namespace CoachBot.Slack.BlockKit;

/// <summary>
/// Text helpers for Block Kit: escaping for mrkdwn, cutting to a limit with an ellipsis without breaking a surrogate
/// pair or an escape entity, and splitting long text at paragraph or line boundaries.
/// </summary>
internal static class BlockKitText
{
    /// <summary>What a cut text ends with.</summary>
    public const string Ellipsis = "…";

    /// <summary>Escapes the three characters Slack treats as markup in mrkdwn and message text.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>The text, or its start plus an ellipsis so that the whole is at most <paramref name="max"/> chars.</summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = SafeEnd(text, max - Ellipsis.Length);
        return string.Concat(text.AsSpan(0, end).TrimEnd(), Ellipsis);
    }

    /// <summary>A plain_text object, cut to <paramref name="max"/>; plain text needs no escaping.</summary>
    public static JsonObject Plain(string text, int max) => new()
    {
        ["type"] = "plain_text",
        ["text"] = Cut(text, max),
    };

    /// <summary>A mrkdwn object holding already escaped text (cut to <paramref name="max"/>).</summary>
    public static JsonObject Mrkdwn(string escapedText, int max) => new()
    {
        ["type"] = "mrkdwn",
        ["text"] = Cut(escapedText, max),
    };

    /// <summary>
    /// Splits already escaped text into pieces of at most <paramref name="max"/> chars, preferring paragraph breaks,
    /// then line breaks, then spaces; no piece is empty.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        var pieces = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var end = BreakBefore(rest, max);
            var piece = rest[..end].TrimEnd();
            if (piece.Length > 0)
            {
                pieces.Add(piece);
            }

            rest = rest[end..].TrimStart();
        }

        if (rest.Length > 0)
        {
            pieces.Add(rest);
        }

        return pieces;
    }

    /// <summary>Where to end a piece of at most <paramref name="max"/> chars.</summary>
    private static int BreakBefore(string text, int max)
    {
        var window = text.AsSpan(0, max + 1);
        var minimum = max / 2;
        foreach (var separator in new[] { "\n\n", "\n", " " })
        {
            var at = window.LastIndexOf(separator.AsSpan());
            if (at >= minimum)
            {
                return at;
            }
        }

        return SafeEnd(text, max);
    }

    /// <summary>
    /// The largest end index at most <paramref name="max"/> that does not split a surrogate pair or an escape entity
    /// (&amp;amp; &amp;lt; &amp;gt;) made by <see cref="Escape"/>.
    /// </summary>
    private static int SafeEnd(string text, int max)
    {
        var end = Math.Clamp(max, 0, text.Length);
        if (end > 0 && end < text.Length && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        var amp = text.LastIndexOf('&', Math.Max(end - 1, 0));
        if (amp >= 0 && end - amp < 5)
        {
            var semicolon = text.IndexOf(';', amp);
            if (semicolon >= end && semicolon - amp <= 4)
            {
                end = amp;
            }
        }

        return end;
    }
}
