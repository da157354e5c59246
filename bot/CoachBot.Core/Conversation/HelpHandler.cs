using CoachBot.Content.Model;

namespace CoachBot.Core.Conversation;

/// <summary>
/// <c>help</c>: one screen with the topics (daily practice, career, 1-on-1s, team, settings and privacy) and the commands
/// of each; <c>help &lt;topic&gt;</c> lists a topic's commands with their usage, <c>help &lt;command&gt;</c> explains one.
/// Everything comes from <see cref="VerbCatalog"/> and the string tables, so a new verb appears here by itself.
/// </summary>
public sealed class HelpHandler : ICommandHandler
{
    /// <summary>How many commands of a topic the overview names before "…": the overview must fit one screen.</summary>
    public const int OverviewCommands = 6;

    private readonly CommandReader _reader;

    public HelpHandler(CommandReader reader) => _reader = reader;

    public IReadOnlyList<string> Verbs { get; } = ["help"];

    public Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var asked = command.Arguments.Trim();
        Reply reply;
        if (asked.Length == 0)
        {
            reply = Overview(context);
        }
        else if (FindTopic(context, asked) is { } topic)
        {
            reply = Topic(context, topic);
        }
        else if (_reader.Matcher.Match(asked) is { } verb && VerbCatalog.Find(verb.Verb) is { } info)
        {
            reply = Verb(context, info);
        }
        else
        {
            reply = Unknown(context, asked);
        }

        return Task.FromResult(reply);
    }

    /// <summary>The usage line of a verb, e.g. <c>done [note]</c>.</summary>
    public static string Usage(TurnContext context, string verb)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(verb);
        return context.T($"verb.{verb.Replace(' ', '_')}.usage");
    }

    private Reply Overview(TurnContext context)
    {
        var fields = HelpTopic.All
            .Select(topic => new ReplyField(
                context.T(HelpTopic.TitleKey(topic)),
                context.T("help.topic_commands", ("commands", CommandList(context, topic)), ("topic", TopicWord(context, topic)))))
            .ToList();
        var title = context.T("help.title");
        var footer = context.T("help.footer");
        var lines = fields.Select(f => Entry(context, f));
        return new Reply
        {
            Text = StringTable.Lines([title, .. lines, footer]),
            Sections = [new ReplySection { Title = title, Fields = fields, Body = footer }],
            Buttons = [.. HelpTopic.All.Select(topic => ReplyButton.Command(context.T(HelpTopic.TitleKey(topic)), "help " + TopicWord(context, topic)))],
        };
    }

    private Reply Topic(TurnContext context, string topic)
    {
        var title = context.T(HelpTopic.TitleKey(topic));
        var fields = VerbCatalog.InTopic(topic).Select(v => new ReplyField(Label(context, v.Verb), context.T($"verb.{v.Key}.help"))).ToList();
        var footer = context.T("help.topic_footer");
        var lines = fields.Select(f => Entry(context, f));
        var run = VerbCatalog.InTopic(topic)
            .Where(v => v.SafeWith(string.Empty) && v.Verb != "help")
            .Take(4)
            .Select(v => ReplyButton.Command(Display(context, v.Verb), v.Verb));
        return new Reply
        {
            Text = StringTable.Lines([title, .. lines, footer]),
            Sections = [new ReplySection { Title = title, Fields = fields, Body = footer }],
            Buttons = [.. run, ReplyButton.Command(context.T("button.all_topics"), "help")],
        };
    }

    private Reply Verb(TurnContext context, VerbInfo verb)
    {
        var words = _reader.WordsFor(verb.Verb, context.Profile.Language);
        var usage = Usage(context, verb.Verb);
        var text = context.T($"verb.{verb.Key}.help");
        var also = words.Count > 0 ? context.T("help.words", ("words", Join(context, words))) : null;
        var topic = context.T(HelpTopic.TitleKey(verb.Topic));
        List<ReplyButton> buttons = [];
        if (verb.SafeWith(string.Empty) && verb.Verb != "help")
        {
            buttons.Add(ReplyButton.Command(Display(context, verb.Verb), verb.Verb, ButtonStyle.Primary));
        }

        buttons.Add(ReplyButton.Command(context.T("button.help_topic", ("topic", topic)), "help " + TopicWord(context, verb.Topic)));
        return new Reply
        {
            Text = StringTable.Lines(usage, text, also),
            Sections = [new ReplySection { Title = usage, Body = StringTable.Lines(text, also) }],
            Buttons = buttons,
        };
    }

    private Reply Unknown(TurnContext context, string asked)
    {
        var shown = asked.Length > 40 ? asked[..40] + "…" : asked;
        var suggestions = _reader.Suggest(asked).Suggestions.Select(s => s.Verb).ToList();
        var text = suggestions.Count > 0
            ? context.T("help.unknown_suggest", ("value", shown), ("suggestions", Join(context, suggestions.Select(v => Display(context, v)))))
            : context.T("help.unknown", ("value", shown));
        return new Reply
        {
            Text = text,
            IsError = true,
            Buttons =
            [
                .. suggestions.Select(v => ReplyButton.Command(context.T("button.how_to_use", ("command", Display(context, v))), "help " + v)),
                .. HelpTopic.All.Select(topic => ReplyButton.Command(context.T(HelpTopic.TitleKey(topic)), "help " + TopicWord(context, topic))),
            ],
        };
    }

    /// <summary>A topic named by its id (any language) or by one of the words of the person's language.</summary>
    private static string? FindTopic(TurnContext context, string asked)
    {
        var key = PhraseKey.Of(asked);
        return HelpTopic.All.FirstOrDefault(topic =>
            PhraseKey.Of(topic) == key
            || PhraseKey.Of(context.T(HelpTopic.TitleKey(topic))) == key
            || TopicWords(context, topic).Any(w => PhraseKey.Of(w) == key));
    }

    private static string[] TopicWords(TurnContext context, string topic) =>
        context.T(HelpTopic.WordsKey(topic)).Split([',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The word the person types for a topic (the first of their language's words).</summary>
    private static string TopicWord(TurnContext context, string topic) => TopicWords(context, topic) is [var first, ..] ? first : topic;

    /// <summary>
    /// The commands of a topic as one short list in the person's words: "1on1 agenda, add, note" (a group's shared
    /// words once), at most <see cref="OverviewCommands"/> and then "…".
    /// </summary>
    private string CommandList(TurnContext context, string topic)
    {
        var verbs = VerbCatalog.InTopic(topic);
        var names = verbs.Take(OverviewCommands).Select(v => Display(context, v.Verb)).ToList();
        var parts = new List<string>();
        string? previousGroup = null;
        for (var i = 0; i < names.Count; i++)
        {
            var space = names[i].LastIndexOf(' ');
            var group = space > 0 ? names[i][..space] : null;
            var sharesWithNext = i + 1 < names.Count && group is not null && names[i + 1].StartsWith(group + " ", StringComparison.Ordinal);
            parts.Add(group is not null && group == previousGroup ? names[i][(space + 1)..] : names[i]);
            previousGroup = group is not null && (sharesWithNext || group == previousGroup) ? group : null;
        }

        return Join(context, parts) + (verbs.Count > OverviewCommands ? "…" : string.Empty);
    }

    private string Display(TurnContext context, string verb) => _reader.Display(verb, context.Profile.Language);

    private string Label(TurnContext context, string verb)
    {
        var usage = Usage(context, verb);
        var display = Display(context, verb);
        return display == verb ? usage : context.T("help.usage_with_word", ("usage", usage), ("word", display));
    }

    /// <summary>One line of a help page: "• label: text" (a full-width colon in Japanese).</summary>
    private static string Entry(TurnContext context, ReplyField field) =>
        "• " + field.Label + (context.Profile.Language == "ja" ? "：" : ": ") + field.Value;

    /// <summary>Japanese lists are joined with 、, English ones with a comma and a space.</summary>
    private static string Join(TurnContext context, IEnumerable<string> items) =>
        string.Join(context.Profile.Language == "ja" ? "、" : ", ", items);
}
