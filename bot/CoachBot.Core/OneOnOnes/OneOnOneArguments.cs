using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>Parses the pieces of <c>1on1</c> commands: mentions, days, cadences.</summary>
public static class OneOnOneArguments
{
    private static readonly char[] Whitespace = [' ', '\t', '\r', '\n', '\u3000'];

    /// <summary>
    /// <c>@bob</c> as the user <c>bob</c> on the speaker's channel and tenant: mentions never reach across workspaces.
    /// Null when the token is not a mention.
    /// </summary>
    public static UserRef? Mention(string? token, UserRef speaker)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        var t = token?.Trim().TrimEnd(',', '.', ':');
        return t is { Length: > 1 } && t[0] is '@' or '＠' ? speaker with { UserId = t[1..] } : null;
    }

    /// <summary>The first word and the rest (the rest keeps its spacing).</summary>
    public static (string Head, string Remainder) SplitFirst(string text)
    {
        var t = (text ?? string.Empty).TrimStart();
        var end = t.IndexOfAny(Whitespace);
        return end < 0 ? (t, string.Empty) : (t[..end], t[end..].Trim());
    }

    /// <summary>An optional leading mention and the rest of the text.</summary>
    public static (UserRef? Person, string Remainder) LeadingMention(string text, UserRef speaker)
    {
        var (head, rest) = SplitFirst(text);
        return Mention(head, speaker) is { } person ? (person, rest) : (null, (text ?? string.Empty).Trim());
    }

    /// <summary>"weekly", "biweekly", "monthly" (any case), or null.</summary>
    public static Cadence? ParseCadence(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "weekly" => Cadence.Weekly,
        "biweekly" or "fortnightly" => Cadence.Biweekly,
        "monthly" => Cadence.Monthly,
        _ => null,
    };

    /// <summary>"tue", "Tuesday" (any case) to the day, or null.</summary>
    public static DayOfWeek? ParseDay(string? text) => DayNames.Parse(text);

    /// <summary>The day name nearest to a typo ("tuesdy" gives tuesday), or null when nothing is close.</summary>
    public static string? NearestDay(string? text) => DayNames.Nearest(text) is { } day ? DayNames.Name(day) : null;

    /// <summary>The English day name used in commands.</summary>
    public static string DayName(DayOfWeek day) => DayNames.Name(day);
}
