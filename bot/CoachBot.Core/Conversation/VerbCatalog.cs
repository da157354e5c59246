namespace CoachBot.Core.Conversation;

/// <summary>
/// Every verb the bot knows, once: its help topic and whether a suggested button may run it, in the order help lists
/// them. The help pages, the typo suggestions and the intents all read it; the handlers only say which verbs they run,
/// and the engine refuses to start when the two disagree (<see cref="ConversationEngine"/>).
/// </summary>
public static class VerbCatalog
{
    private const VerbSafety Read = VerbSafety.ReadOnly;
    private const VerbSafety Bare = VerbSafety.ReadOnlyWhenBare;
    private const VerbSafety Change = VerbSafety.ChangesState;

    /// <summary>Every verb, grouped by topic, in help order.</summary>
    public static readonly IReadOnlyList<VerbInfo> All =
    [
        new("today", HelpTopic.Daily, Read),
        new("done", HelpTopic.Daily, Change),
        new("log", HelpTopic.Daily, Bare),
        new("progress", HelpTopic.Daily, Read),
        new("reading", HelpTopic.Daily, Bare),
        new("home", HelpTopic.Daily, Read),

        new("path", HelpTopic.Career, Bare),
        new("roles", HelpTopic.Career, Read),
        new("skills", HelpTopic.Career, Bare),
        new("missions", HelpTopic.Career, Bare),

        // The ones people use every week first: the overview shows only the first few.
        new("1on1 agenda", HelpTopic.OneOnOnes, Read),
        new("1on1 add", HelpTopic.OneOnOnes, Change),
        new("1on1 note", HelpTopic.OneOnOnes, Bare),
        new("1on1 action", HelpTopic.OneOnOnes, Bare),
        new("1on1 done", HelpTopic.OneOnOnes, Change),
        new("1on1 list", HelpTopic.OneOnOnes, Read),
        new("1on1 history", HelpTopic.OneOnOnes, Read),
        new("1on1 setup", HelpTopic.OneOnOnes, Change),
        new("1on1 accept", HelpTopic.OneOnOnes, Change),
        new("1on1 decline", HelpTopic.OneOnOnes, Change),
        new("1on1 share", HelpTopic.OneOnOnes, Change),
        new("1on1 reschedule", HelpTopic.OneOnOnes, Change),
        new("1on1 pause", HelpTopic.OneOnOnes, Change),
        new("1on1 resume", HelpTopic.OneOnOnes, Change),
        new("1on1 end", HelpTopic.OneOnOnes, Change),
        // Bare, it makes the address once and then only says that one exists; `reset` replaces it.
        new("1on1 calendar", HelpTopic.OneOnOnes, Bare),

        new("team reflection on", HelpTopic.Team, Change),
        new("team reflection off", HelpTopic.Team, Change),
        new("team reflection status", HelpTopic.Team, Read),
        new("reflect", HelpTopic.Team, Bare),
        new("team health", HelpTopic.Team, Read),
        new("share", HelpTopic.Team, Change),
        new("share off", HelpTopic.Team, Change),

        new("settings", HelpTopic.Privacy, Bare),
        // `start` asks the setup questions again from the first one: a step back the person chooses.
        new("start", HelpTopic.Privacy, Change),
        new("help", HelpTopic.Privacy, Read),
        // `export` changes nothing, but it sends a file of personal data and counts toward a daily limit.
        new("export", HelpTopic.Privacy, Change),
        new("forget me", HelpTopic.Privacy, Change),
    ];

    private static readonly Dictionary<string, VerbInfo> ByVerb = All.ToDictionary(v => v.Verb, StringComparer.Ordinal);

    /// <summary>Every verb, in help order.</summary>
    public static IReadOnlyList<string> Verbs { get; } = [.. All.Select(v => v.Verb)];

    /// <summary>The entry of a verb, or null for a verb the catalog does not know.</summary>
    public static VerbInfo? Find(string verb) => ByVerb.GetValueOrDefault(verb);

    /// <summary>The verbs of one topic, in help order.</summary>
    public static IReadOnlyList<VerbInfo> InTopic(string topic) => [.. All.Where(v => v.Topic == topic)];
}
