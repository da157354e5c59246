using System.Globalization;
using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Core.Reading;

/// <summary>
/// <c>reading</c> shows the current book (or suggests one), <c>reading done</c> finishes it and offers its reflection
/// questions as talking points for the next 1-on-1, <c>reading next</c> skips it, <c>reading restart</c> goes through
/// the list again once every book is finished or skipped.
/// </summary>
public sealed class ReadingHandler : ICommandHandler, IActionHandler
{
    public const string TalkingPointAction = "reading.talking_point";

    private readonly ReadingService _reading;
    private readonly ITalkingPointStore _talkingPoints;

    /// <param name="reading">Chooses books.</param>
    /// <param name="talkingPoints">Where "make this a talking point" stores; optional until the 1-on-1 storage is
    /// wired, and the button says so rather than failing.</param>
    public ReadingHandler(ReadingService reading, ITalkingPointStore talkingPoints)
    {
        _reading = reading;
        _talkingPoints = talkingPoints;
    }

    public IReadOnlyList<string> Verbs { get; } = ["reading"];

    public bool IsDailyPractice => true;

    public string ActionPrefix => "reading.";

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken) =>
        command.Arguments.Trim().ToLowerInvariant() switch
        {
            "" => await ShowAsync(context, cancellationToken),
            "done" or "finished" => await DoneAsync(context, cancellationToken),
            "next" or "skip" => await NextAsync(context, cancellationToken),
            "restart" or "start over" => await RestartAsync(context, cancellationToken),
            _ => Usage(context, command.Arguments.Trim()),
        };

    public async Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken) =>
        action.Id == TalkingPointAction
            ? await AddTalkingPointAsync(context, action, cancellationToken)
            : new Reply { Text = context.T("error.unknown_action"), IsError = true };

    /// <summary>The id of a reading talking point: one per book and question, so pressing twice stores it once.</summary>
    public static string TalkingPointId(string bookId, int questionIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"reading.{bookId}.q{questionIndex + 1}");

    private async Task<Reply> ShowAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (CurrentBook(context) is { } book)
        {
            var since = context.Profile.ReadingSince is { } day
                ? context.T("reading.since", ("date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
                : null;
            return Compose([], [BookSection(context, book, "reading.current", since)], [.. QuestionButtons(context, book), DoneButton(context), NextButton(context)]);
        }

        return await SuggestAndStartAsync(context, context.Profile, [], [], cancellationToken);
    }

    private async Task<Reply> DoneAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (CurrentBook(context) is not { } book)
        {
            return await SuggestAndStartAsync(context, context.Profile, [context.T("reading.nothing_current")], [], cancellationToken);
        }

        var finished = context.Profile with
        {
            BooksFinished = [.. context.Profile.BooksFinished.Where(b => b != book.Id), book.Id],
            ReadingBookId = null,
            ReadingSince = null,
        };
        var reflect = new ReplySection
        {
            Title = context.T("reading.finished", ("title", book.Title)),
            Body = context.T("reading.reflect"),
            Fields = QuestionFields(book),
        };
        return await SuggestAndStartAsync(context, finished, [], [reflect], cancellationToken, QuestionButtons(context, book));
    }

    private async Task<Reply> NextAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var profile = context.Profile;
        string? message = null;
        if (CurrentBook(context) is { } book)
        {
            profile = profile with { BooksSkipped = [.. profile.BooksSkipped.Where(b => b != book.Id), book.Id], ReadingBookId = null, ReadingSince = null };
            message = context.T("reading.skipped", ("title", book.Title));
        }

        return await SuggestAndStartAsync(context, profile, [message], [], cancellationToken);
    }

    private async Task<Reply> RestartAsync(TurnContext context, CancellationToken cancellationToken)
    {
        // Skipped books come back first; finished ones only when nothing else is left, so "start over" re-reads
        // the whole list without throwing away what was read while anything is still unread.
        var profile = context.Profile with { BooksSkipped = [] };
        if (context.Content.Books.All(b => profile.BooksFinished.Contains(b.Id)))
        {
            profile = profile with { BooksFinished = [] };
        }

        return await SuggestAndStartAsync(context, profile, [context.T("reading.restarted")], [], cancellationToken);
    }

    /// <summary>Suggests a book for <paramref name="profile"/>, makes it the current one and saves the profile once.</summary>
    private async Task<Reply> SuggestAndStartAsync(
        TurnContext context, UserProfile profile, IReadOnlyList<string?> lead, IReadOnlyList<ReplySection> leadSections,
        CancellationToken cancellationToken, IReadOnlyList<ReplyButton>? leadButtons = null)
    {
        var today = context.LocalToday;
        var suggestion = await _reading.SuggestAsync(profile, context.Content, today, cancellationToken);
        if (suggestion is null)
        {
            if (profile != context.Profile)
            {
                await context.UpdateProfileAsync(_ => profile, cancellationToken);
            }

            var allRead = context.T("reading.all_done");
            return Compose([.. lead, allRead], leadSections,
                [.. leadButtons ?? [], ReplyButton.Command(context.T("reading.button.restart"), "reading restart", ButtonStyle.Primary)]);
        }

        var book = suggestion.Book;
        await context.UpdateProfileAsync(_ => profile with { ReadingBookId = book.Id, ReadingSince = today }, cancellationToken);
        var because = Because(context, suggestion);
        return Compose(lead, [.. leadSections, BookSection(context, book, "reading.suggested", because)],
            [.. leadButtons ?? QuestionButtons(context, book), NextButton(context)]);
    }

    private async Task<Reply> AddTalkingPointAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken)
    {
        var book = context.Content.Books.FirstOrDefault(b => b.Id == action.Value("book"));
        if (book is null
            || !int.TryParse(action.Value("question"), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index < 0 || index >= book.Questions.Count)
        {
            return new Reply { Text = context.T("error.unknown_action"), IsError = true };
        }

        var question = book.Questions[index];
        var point = new TalkingPoint(context.Profile.User, TalkingPointId(book.Id, index), question, $"reading:{book.Id}", context.Now);
        var added = await _talkingPoints.AddAsync(point, cancellationToken);
        var message = context.T(added ? "reading.talking_point_added" : "reading.talking_point_already", ("title", book.Title));
        return new Reply
        {
            Text = StringTable.Lines(message, "“" + question + "”"),
            Sections = [new ReplySection { Body = message, Fields = [new ReplyField(book.Title, question)] }],
            Buttons = [ReplyButton.Command(context.T("reading.button.show"), "reading")],
        };
    }

    private static Reply Usage(TurnContext context, string argument)
    {
        var message = context.T("reading.error.usage", ("value", argument));
        return new Reply
        {
            Text = message,
            IsError = true,
            Buttons =
            [
                ReplyButton.Command(context.T("reading.button.show"), "reading"),
                DoneButton(context),
                NextButton(context),
            ],
        };
    }

    private static Book? CurrentBook(TurnContext context) =>
        context.Content.Books.FirstOrDefault(b => b.Id == context.Profile.ReadingBookId);

    private static string? Because(TurnContext context, ReadingSuggestion suggestion)
    {
        var action = suggestion.WeakestActionId is { } a ? context.Content.FindAction(a)?.Title : null;
        var skill = suggestion.WeakestSkillId is { } s ? context.Content.Skills.FirstOrDefault(k => k.Id == s)?.Title : null;
        var mission = suggestion.FocusMissionId is { } m ? context.Content.FindMission(m)?.Title : null;
        return StringTable.Lines(
            mission is null ? null : context.T("missions.reading_because", ("mission", mission)),
            action is null ? null : context.T("reading.because_action", ("action", action)),
            skill is null ? null : context.T("reading.because_skill", ("skill", skill)));
    }

    private static ReplySection BookSection(TurnContext context, Book book, string titleKey, string? because) => new()
    {
        Title = context.T(titleKey, ("title", book.Title), ("author", book.Author)),
        Body = StringTable.Lines(book.Why, because, context.T("reading.questions")),
        Fields = QuestionFields(book),
    };

    private static IReadOnlyList<ReplyField> QuestionFields(Book book) =>
        [.. book.Questions.Select((q, i) => new ReplyField(string.Create(CultureInfo.InvariantCulture, $"Q{i + 1}"), q))];

    private static IReadOnlyList<ReplyButton> QuestionButtons(TurnContext context, Book book) =>
    [
        .. book.Questions.Select((_, i) => new ReplyButton(
            context.T("reading.button.talking_point", ("number", i + 1)),
            TalkingPointAction,
            new Dictionary<string, string> { ["book"] = book.Id, ["question"] = i.ToString(CultureInfo.InvariantCulture) })),
    ];

    private static ReplyButton DoneButton(TurnContext context) =>
        ReplyButton.Command(context.T("reading.button.done"), "reading done", ButtonStyle.Primary);

    private static ReplyButton NextButton(TurnContext context) =>
        ReplyButton.Command(context.T("reading.button.next"), "reading next");

    private static string FieldLines(IEnumerable<ReplyField> fields) => string.Join("\n", fields.Select(f => $"• {f.Label}: {f.Value}"));

    /// <summary>One reply: the messages first, then the sections; the text says everything the sections show.</summary>
    private static Reply Compose(IReadOnlyList<string?> messages, IReadOnlyList<ReplySection> sections, IReadOnlyList<ReplyButton> buttons)
    {
        var message = StringTable.Lines([.. messages]);
        IReadOnlyList<ReplySection> all = message.Length == 0 ? sections : [new ReplySection { Body = message }, .. sections];
        return new Reply
        {
            Text = StringTable.Lines([.. all.Select(s => StringTable.Lines(s.Title, s.Body, FieldLines(s.Fields)))]),
            Sections = all,
            Buttons = buttons,
        };
    }
}
