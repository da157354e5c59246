namespace CoachBot.Core.Conversation;

/// <summary>
/// The topics <c>help</c> groups the verbs by. The ids are typed (<c>help 1on1</c>) in every language; each language
/// adds its own words for them (<c>help.topic.{id}.words</c>) and a title (<c>help.topic.{id}.title</c>).
/// </summary>
public static class HelpTopic
{
    public const string Daily = "daily";
    public const string Career = "career";
    public const string OneOnOnes = "1on1";
    public const string Team = "team";
    public const string Privacy = "privacy";

    /// <summary>Every topic, in the order help lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Daily, Career, OneOnOnes, Team, Privacy];

    /// <summary>The string key of a topic's title.</summary>
    public static string TitleKey(string topic) => $"help.topic.{topic}.title";

    /// <summary>The string key of the words a language types for a topic (comma-separated, the first one shown).</summary>
    public static string WordsKey(string topic) => $"help.topic.{topic}.words";
}
