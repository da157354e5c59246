using System.Text;
using System.Text.RegularExpressions;

namespace CoachBot.Core.OneOnOnes.Calendar;

/// <summary>
/// Chat markup as plain, readable text for places that show text as it is (a calendar event's description): Slack's
/// references (<c>&lt;@U123|bob&gt;</c>, <c>&lt;#C1|team&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;https://x|label&gt;</c>)
/// and escapes, and Teams' <c>&lt;at&gt;Name&lt;/at&gt;</c> mentions. Line breaks become <c>\n</c> and other control
/// characters go, so the text is one value whatever the writer does with it.
/// </summary>
public static partial class ChatMarkup
{
    public static string ToPlainText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var plain = TeamsMention().Replace(text, m => "@" + m.Groups["name"].Value.Trim());
        plain = SlackReference().Replace(plain, Reference);
        plain = plain.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
        plain = plain.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var kept = new StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            if (c is '\n' or '\t' || !char.IsControl(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>One <c>&lt;…&gt;</c> of Slack's: a user, a channel, a special mention or a link, with its label if any.</summary>
    private static string Reference(Match match)
    {
        var target = match.Groups["target"].Value;
        var label = match.Groups["label"].Success ? match.Groups["label"].Value.Trim() : null;
        return target[0] switch
        {
            '@' => "@" + (string.IsNullOrEmpty(label) ? target[1..] : label.TrimStart('@')),
            '#' => "#" + (string.IsNullOrEmpty(label) ? target[1..] : label.TrimStart('#')),

            // <!here>, <!channel>, <!subteam^S1|@team>, <!date^…|fallback>: the label when there is one.
            '!' => string.IsNullOrEmpty(label) ? "@" + target[1..].Split('^')[0] : label,
            _ when target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) => string.IsNullOrEmpty(label) ? target["mailto:".Length..] : label,
            _ => string.IsNullOrEmpty(label) || label == target ? target : $"{label} ({target})",
        };
    }

    [GeneratedRegex(@"<(?<target>[@#!][^|<>\s]+|[a-zA-Z][a-zA-Z0-9+.-]*:[^|<>\s]+)(\|(?<label>[^<>]*))?>")]
    private static partial Regex SlackReference();

    [GeneratedRegex(@"<at\b[^>]*>(?<name>[^<]*)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex TeamsMention();
}
