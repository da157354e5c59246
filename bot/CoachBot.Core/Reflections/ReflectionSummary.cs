using CoachBot.Content.Model;
using CoachBot.Core.Conversation;

namespace CoachBot.Core.Reflections;

/// <summary>
/// The summary a channel gets when a round closes: participation, themes, and per prompt how many answered it with the
/// quotes shared for it. It only ever sees <see cref="AnonymousAnswer"/>s, so it cannot name anyone; below
/// <see cref="MinAnswersForDetail"/> answers it shows no content at all, because with one or two answers any theme or
/// quote points to a person. With nobody asked or nobody answering it says so instead of showing empty parts.
/// </summary>
public static class ReflectionSummary
{
    /// <summary>Fewest answers for themes, prompt counts and quotes to appear.</summary>
    public const int MinAnswersForDetail = 3;

    /// <summary>A theme must come up in at least this many answers: one answer's theme is that person's.</summary>
    public const int MinAnswersPerTheme = 2;

    /// <summary>Most quotes shown under one prompt, so the summary stays a summary.</summary>
    public const int MaxQuotesPerPrompt = 4;

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

        var sections = new List<ReplySection>();
        if (round.InvitedCount == 0 && given.Count == 0)
        {
            // "0 of 0 members answered (0%)" reads like a failure of the team; the truth is nobody was asked.
            sections.Add(new ReplySection { Title = title, Body = strings.Format("reflection.summary.no_members", ("channel", round.Channel.DisplayName)) });
        }
        else
        {
            var participation = strings.Format(
                "reflection.summary.participation",
                ("answered", given.Count),
                ("invited", round.InvitedCount),
                ("percent", Percent(given.Count, round.InvitedCount)));
            sections.Add(new ReplySection { Title = title, Body = participation });
            if (given.Count == 0)
            {
                sections.Add(new ReplySection { Body = strings.Format("reflection.summary.no_answers") });
            }
            else if (given.Count < MinAnswersForDetail)
            {
                sections.Add(new ReplySection { Body = strings.Format("reflection.summary.too_few", ("min", MinAnswersForDetail)) });
            }
            else
            {
                sections.Add(Themes(library, content, given));
                sections.AddRange(ByPrompt(content, round, given));
            }
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

    /// <summary>
    /// The five actions that at least <see cref="MinAnswersPerTheme"/> answers talk about, each with the words that
    /// showed it, so the line says what the answers said. A keyword counts as a word of its own (<see cref="Mentions"/>).
    /// </summary>
    private static ReplySection Themes(ContentLibrary library, ContentCatalog content, IReadOnlyList<AnonymousAnswer> answers)
    {
        var fields = new List<ReplyField>();
        foreach (var action in content.Actions)
        {
            var keywords = Keywords(library, action.Id);
            var found = answers
                .Select(a => keywords.Where(k => a.Parts.Any(p => Mentions(p.Text, k))).ToList())
                .Where(words => words.Count > 0)
                .ToList();
            if (found.Count >= MinAnswersPerTheme)
            {
                // Words found in at least two answers only: a word one person used could point to them.
                var words = found.SelectMany(w => w.Distinct(StringComparer.OrdinalIgnoreCase))
                    .GroupBy(w => w, StringComparer.OrdinalIgnoreCase)
                    .Where(g => g.Count() >= MinAnswersPerTheme)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => g.Key)
                    .ToList();
                fields.Add(new ReplyField(action.Title, words.Count == 0
                    ? content.Strings.Format("reflection.summary.theme", ("count", found.Count))
                    : content.Strings.Format("reflection.summary.theme_words", ("count", found.Count), ("words", string.Join(", ", words)))));
            }
        }

        return new ReplySection
        {
            Title = content.Strings.Format("reflection.summary.themes"),
            Body = fields.Count == 0 ? content.Strings.Format("reflection.summary.no_themes", ("min", MinAnswersPerTheme)) : null,
            Fields = fields,
        };
    }

    /// <summary>
    /// True when <paramref name="keyword"/> appears in <paramref name="text"/> as a word of its own. In scripts that put
    /// spaces between words, the letters on either side must not continue a word ("led a" is not in "called a"; an
    /// English plural "s" may follow a keyword whose last word is a noun of three letters or more). Japanese writes no
    /// spaces, so its boundary is the script: a katakana keyword must not be continued by katakana on that side
    /// (「リード」 is not in 「リードタイム」, 「マネジメント」 not in 「プロジェクトマネジメント」); kanji and kana keywords
    /// otherwise count wherever they appear.
    /// </summary>
    public static bool Mentions(string text, string keyword)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keyword);
        if (keyword.Length == 0)
        {
            return false;
        }

        for (var at = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(keyword, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + keyword.Length;
            var startsClean = at == 0 || !Continues(keyword[0], text[at - 1]);
            var endsClean = end == text.Length || !Continues(keyword[^1], text[end]) || IsPluralEnd(text, end, keyword);
            if (startsClean && endsClean)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="neighbour"/> next to the keyword's edge <paramref name="edge"/> makes them one word.</summary>
    private static bool Continues(char edge, char neighbour) =>
        (JoinsWord(edge) && JoinsWord(neighbour)) || (IsKatakana(edge) && IsKatakana(neighbour));

    /// <summary>
    /// An English plural "s" ends the word at <paramref name="at"/>: "interviews" mentions "interview", but "led as" does
    /// not mention "led a" (a one- or two-letter last word takes no plural).
    /// </summary>
    private static bool IsPluralEnd(string text, int at, string keyword)
    {
        var lastWord = keyword.Length - 1 - keyword.LastIndexOf(' ');
        return lastWord >= 3 && text[at] is ('s' or 'S') && (at + 1 == text.Length || !JoinsWord(text[at + 1]));
    }

    /// <summary>A letter or digit of a script that separates words with spaces (Latin and the like, not kana or kanji).</summary>
    private static bool JoinsWord(char c) => char.IsLetterOrDigit(c) && c < '\u3000';

    /// <summary>Full-width katakana and the long-vowel mark, half-width katakana: one Japanese loanword run.</summary>
    private static bool IsKatakana(char c) => c is (>= '\u30A0' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF') or (>= '\uFF66' and <= '\uFF9F');

    /// <summary>The ids of the five actions <paramref name="answer"/> talks about, in content order (keywords of every language).</summary>
    public static IReadOnlyList<string> ThemesOf(ContentLibrary library, ContentCatalog content, AnonymousAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(answer);
        return
        [
            .. content.Actions
                .Where(action => Keywords(library, action.Id).Any(k => answer.Parts.Any(p => Mentions(p.Text, k))))
                .Select(action => action.Id),
        ];
    }

    /// <summary>The action's id and title and the keywords of <c>reflection.keywords.{id}</c> in every language.</summary>
    private static IReadOnlyList<string> Keywords(ContentLibrary library, string actionId)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { actionId.Replace('_', ' '), actionId.Replace('_', '-') };
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

        return [.. words.Where(w => w.Length > 0).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// One section per prompt of the round, in form order: how many answered it and the quotes its authors allowed,
    /// so a quote is read next to the question it answers.
    /// </summary>
    private static IEnumerable<ReplySection> ByPrompt(ContentCatalog content, ReflectionRound round, IReadOnlyList<AnonymousAnswer> answers)
    {
        var strings = content.Strings;
        var anyQuote = false;
        yield return new ReplySection { Title = strings.Format("reflection.summary.prompts") };
        foreach (var id in round.PromptIds)
        {
            var parts = answers.SelectMany(a => a.Parts).Where(p => p.PromptId == id && !string.IsNullOrWhiteSpace(p.Text)).ToList();

            // Sorted by text, not stored order: the order answers arrived in could hint at who wrote them.
            var quotes = parts.Where(p => p.MayQuote).Select(p => "“" + p.Text.Trim() + "”").Order(StringComparer.Ordinal).Take(MaxQuotesPerPrompt).ToList();
            anyQuote |= quotes.Count > 0;
            yield return new ReplySection
            {
                Title = content.ReflectionPrompts.FirstOrDefault(p => p.Id == id)?.Text ?? id,
                Body = StringTable.Lines([strings.Format("reflection.summary.prompt_count", ("count", parts.Count)), .. quotes]),
            };
        }

        if (!anyQuote)
        {
            yield return new ReplySection { Body = strings.Format("reflection.summary.no_quotes") };
        }
    }
}
