using CoachBot.Content.Model;
using CoachBot.Core.Conversation;

namespace CoachBot.Core.Reflections;

/// <summary>
/// The summary a channel gets when a round closes: participation, themes and consented quotes. It only ever sees
/// <see cref="AnonymousAnswer"/>s, so it cannot name anyone; below <see cref="MinAnswersForDetail"/> answers it shows
/// no content at all, because with one or two answers any theme or quote points to a person.
/// </summary>
public static class ReflectionSummary
{
    /// <summary>Fewest answers for themes, prompt counts and quotes to appear.</summary>
    public const int MinAnswersForDetail = 3;

    /// <summary>A theme must come up in at least this many answers: one answer's theme is that person's.</summary>
    public const int MinAnswersPerTheme = 2;

    /// <summary>Most quotes shown, so the summary stays a summary.</summary>
    public const int MaxQuotes = 10;

    /// <summary>Builds the summary in <paramref name="content"/>'s language; keywords of every language find themes.</summary>
    public static Reply Build(ContentLibrary library, ContentCatalog content, ReflectionRound round, IReadOnlyList<AnonymousAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(answers);
        var strings = content.Strings;
        var given = answers.Where(a => a.Parts.Any(p => !string.IsNullOrWhiteSpace(p.Text))).ToList();
        var title = strings.Format("reflection.summary.title", ("channel", round.Channel.DisplayName), ("week", round.Week));
        var participation = strings.Format(
            "reflection.summary.participation",
            ("answered", given.Count),
            ("invited", round.InvitedCount),
            ("percent", Percent(given.Count, round.InvitedCount)));

        var sections = new List<ReplySection> { new() { Title = title, Body = participation } };
        if (given.Count < MinAnswersForDetail)
        {
            sections.Add(new ReplySection { Body = strings.Format("reflection.summary.too_few", ("min", MinAnswersForDetail)) });
        }
        else
        {
            sections.Add(Themes(library, content, given));
            sections.Add(PromptCounts(content, round, given));
            sections.Add(Quotes(strings, given));
        }

        return new Reply
        {
            Text = StringTable.Lines([.. sections.Select(s => StringTable.Lines(s.Title, s.Body, string.Join("\n", s.Fields.Select(f => $"• {f.Label}: {f.Value}"))))]),
            Sections = sections,
        };
    }

    /// <summary>Answered of invited as a whole percentage; 0 when nobody was invited.</summary>
    public static int Percent(int answered, int invited) =>
        invited <= 0 ? 0 : (int)Math.Round(100.0 * answered / invited, MidpointRounding.AwayFromZero);

    private static ReplySection Themes(ContentLibrary library, ContentCatalog content, IReadOnlyList<AnonymousAnswer> answers)
    {
        var fields = new List<ReplyField>();
        foreach (var action in content.Actions)
        {
            var keywords = Keywords(library, action.Id);
            var count = answers.Count(a => a.Parts.Any(p => keywords.Any(k => p.Text.Contains(k, StringComparison.OrdinalIgnoreCase))));
            if (count >= MinAnswersPerTheme)
            {
                fields.Add(new ReplyField(action.Title, content.Strings.Format("reflection.summary.theme", ("count", count))));
            }
        }

        return new ReplySection
        {
            Title = content.Strings.Format("reflection.summary.themes"),
            Body = fields.Count == 0 ? content.Strings.Format("reflection.summary.no_themes", ("min", MinAnswersPerTheme)) : null,
            Fields = fields,
        };
    }

    /// <summary>The action's id and title and the keywords of <c>reflection.keywords.{id}</c> in every language.</summary>
    private static IReadOnlyList<string> Keywords(ContentLibrary library, string actionId)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { actionId, actionId.Replace('_', ' '), actionId.Replace('_', '-') };
        foreach (var language in library.Languages)
        {
            var catalog = library.For(language);
            if (catalog.FindAction(actionId) is { } action)
            {
                words.Add(action.Title);
            }

            var key = $"reflection.keywords.{actionId}";
            if (catalog.Strings.Contains(key))
            {
                words.UnionWith(catalog.Strings.Template(key).Split([',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return [.. words.Where(w => w.Length > 0)];
    }

    private static ReplySection PromptCounts(ContentCatalog content, ReflectionRound round, IReadOnlyList<AnonymousAnswer> answers) => new()
    {
        Title = content.Strings.Format("reflection.summary.prompts"),
        Fields =
        [
            .. round.PromptIds.Select(id => new ReplyField(
                content.ReflectionPrompts.FirstOrDefault(p => p.Id == id)?.Text ?? id,
                content.Strings.Format("reflection.summary.prompt_count", ("count", answers.Count(a => a.Parts.Any(p => p.PromptId == id && !string.IsNullOrWhiteSpace(p.Text))))))),
        ],
    };

    private static ReplySection Quotes(StringTable strings, IReadOnlyList<AnonymousAnswer> answers)
    {
        // Sorted by text, not stored order: the order answers arrived in could hint at who wrote them.
        var quotes = answers
            .SelectMany(a => a.Parts)
            .Where(p => p.MayQuote && !string.IsNullOrWhiteSpace(p.Text))
            .Select(p => "“" + p.Text.Trim() + "”")
            .Order(StringComparer.Ordinal)
            .Take(MaxQuotes)
            .ToList();
        return new ReplySection
        {
            Title = strings.Format("reflection.summary.quotes"),
            Body = quotes.Count == 0 ? strings.Format("reflection.summary.no_quotes") : string.Join("\n", quotes),
        };
    }
}
