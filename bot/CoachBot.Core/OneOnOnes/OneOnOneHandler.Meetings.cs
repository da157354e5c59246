using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Settings;
using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>Agenda, talking points, notes and history (action items: <c>OneOnOneHandler.ActionItems.cs</c>).</summary>
public sealed partial class OneOnOneHandler
{
    public const string NoteFormAction = "1on1.note";
    public const string ActionFormAction = "1on1.action";

    /// <summary>A Done button of an action item: <c>1on1.done:{pairing id}</c> with the item's number in <see cref="NumberValue"/>.</summary>
    public const string DoneAction = "1on1.done";

    /// <summary>The follow-up's "We met" button: <c>1on1.held:{pairing id}</c> with the meeting date in <see cref="DateValue"/>.</summary>
    public const string HeldAction = "1on1.held";

    public const string NumberValue = "number";

    /// <summary>Most meetings <c>1on1 history</c> shows, newest first.</summary>
    public const int MaxHistoryMeetings = 12;

    public const string DateValue = "date";

    private async Task<Reply> AgendaAsync(TurnContext context, string args, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var (person, _) = OneOnOneArguments.LeadingMention(args, me);
        if (await PickAsync(context, person, Running, cancellationToken) is not { } pairing)
        {
            return await NotFoundAsync(context, person, cancellationToken);
        }

        var agenda = (await _service.AgendaAsync(me, pairing, context.Content, context.Now, cancellationToken))!;
        var other = OneOnOneText.Mention(pairing.Other(me));
        var reply = AgendaReply.Build(agenda, context.Content, context.Profile);
        return reply with
        {
            Buttons =
            [
                .. reply.Buttons,
                ReplyButton.Command(context.T("oneonones.button.note"), "1on1 note " + other),
                ReplyButton.Command(context.T("oneonones.button.action"), "1on1 action " + other),
            ],
        };
    }

    private async Task<Reply> AddPointAsync(TurnContext context, string args, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var (person, text) = OneOnOneArguments.LeadingMention(args, me);
        if (text.Length == 0)
        {
            return Error(context.T("oneonones.add.usage"));
        }

        if (await PickAsync(context, person, Running, cancellationToken) is not { } pairing)
        {
            return await NotFoundAsync(context, person, cancellationToken);
        }

        if (Refusal(context, pairing, await _service.CheckTalkingPointAsync(me, pairing, context.Now, cancellationToken)) is { } refused)
        {
            return refused;
        }

        await _talkingPoints.AddAsync(
            new TalkingPoint(me, Guid.NewGuid().ToString("N"), text, AgendaBuilder.SourceFor(pairing.Id), context.Now), cancellationToken);
        return Plain(context.T("oneonones.add.done", ("person", OneOnOneText.Mention(pairing.Other(me))), ("text", text)));
    }

    private async Task<Reply> NoteAsync(TurnContext context, string args, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var (person, rest) = OneOnOneArguments.LeadingMention(args, me);
        var (head, tail) = OneOnOneArguments.SplitFirst(rest);
        var isPrivate = head.Equals("private", StringComparison.OrdinalIgnoreCase);
        var text = isPrivate ? tail : rest;
        if (await PickAsync(context, person, Running, cancellationToken) is not { } pairing)
        {
            return await NotFoundAsync(context, person, cancellationToken);
        }

        if (text.Length == 0)
        {
            return NoteForm(context, pairing);
        }

        if (Refusal(context, pairing, await _service.CheckNoteAsync(pairing, cancellationToken)) is { } refused)
        {
            return refused;
        }

        await _service.AddNoteAsync(me, pairing, text, isPrivate ? NoteVisibility.Private : NoteVisibility.Shared, context.Now, cancellationToken);
        return Plain(context.T(isPrivate ? "oneonones.note.private" : "oneonones.note.shared", ("person", OneOnOneText.Mention(pairing.Other(me)))));
    }

    private async Task<Reply> NoteFromFormAsync(TurnContext context, string pairingId, TurnAction action, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var pairing = pairingId.Length > 0 ? await _service.GetMineAsync(me, pairingId, cancellationToken) : null;
        if (pairing is null || !Running.Contains(pairing.State))
        {
            return Error(context.T("oneonones.error.no_pairing_any"));
        }

        if (action.Value("text") is not { } text)
        {
            // Blank text: the form again, pointing at the input that needs filling in.
            return NoteForm(context, pairing) with { ErrorInputId = "text" };
        }

        var isPrivate = action.Value("visibility") == "private";
        if (Refusal(context, pairing, await _service.CheckNoteAsync(pairing, cancellationToken)) is { } refused)
        {
            return refused;
        }

        await _service.AddNoteAsync(me, pairing, text, isPrivate ? NoteVisibility.Private : NoteVisibility.Shared, context.Now, cancellationToken);
        return Plain(context.T(isPrivate ? "oneonones.note.private" : "oneonones.note.shared", ("person", OneOnOneText.Mention(pairing.Other(me)))));
    }

    /// <summary>The follow-up's "We met" button: the meeting counts as held, so history lists it.</summary>
    private async Task<Reply> HeldFromButtonAsync(TurnContext context, string pairingId, TurnAction action, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var pairing = pairingId.Length > 0 ? await _service.GetMineAsync(me, pairingId, cancellationToken) : null;
        if (pairing is null || SettingsParser.Date(action.Value(DateValue)) is not { } date
            || !await _service.MarkHeldAsync(me, pairing, date, context.Now, cancellationToken))
        {
            return Error(context.T("oneonones.held.stale"));
        }

        return Plain(context.T("oneonones.held.done", ("person", OneOnOneText.Mention(pairing.Other(me))), ("date", OneOnOneText.Date(date))));
    }

    /// <summary>
    /// Past meetings with @person that took place (<see cref="OneOnOneService.HeldMeetingsAsync"/>), newest first, a
    /// section each: notes with their author, action items with owner, due date and state.
    /// </summary>
    private async Task<Reply> HistoryAsync(TurnContext context, string args, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var (person, _) = OneOnOneArguments.LeadingMention(args, me);
        if (person is null)
        {
            return Error(context.T("oneonones.error.person_needed", ("verb", "1on1 history")));
        }

        var pairings = (await _service.ListMineAsync(me, cancellationToken)).Where(p => p.Other(me) == person).ToList();
        if (pairings.Count == 0)
        {
            return NoPairing(context, person);
        }

        var title = context.T("oneonones.history.title", ("person", OneOnOneText.Mention(person)));
        var sections = new List<ReplySection> { new() { Title = title } };
        var meetings = new List<(DateOnly Date, ReplySection Section)>();
        foreach (var pairing in pairings)
        {
            var notes = await _service.NotesAsync(me, pairing, cancellationToken);
            var items = await _service.ActionItemsAsync(me, pairing, cancellationToken);
            foreach (var date in await _service.HeldMeetingsAsync(me, pairing, context.Now, cancellationToken))
            {
                var lines = notes.Where(n => n.MeetingDate == date).Select(n => context.T(
                        n.Visibility == NoteVisibility.Private ? "oneonones.history.note_private" : "oneonones.history.note",
                        ("person", OneOnOneText.Mention(n.Author)), ("text", n.Text)))
                    .Concat(items.Where(i => i.MeetingDate == date).Select(i => context.T(
                        i.IsOpen ? "oneonones.history.item_open" : "oneonones.history.item_done",
                        ("number", OneOnOneText.Number(i.Number)), ("text", i.Text), ("owner", OneOnOneText.Mention(i.Owner)),
                        ("due", i.Due is { } d ? context.T("oneonones.history.due", ("date", OneOnOneText.Date(d))) : context.T("oneonones.history.no_due")))))
                    .ToList();
                meetings.Add((date, new ReplySection
                {
                    Title = context.T("oneonones.history.meeting", ("date", OneOnOneText.Date(date))),
                    Body = lines.Count == 0 ? context.T("oneonones.history.confirmed") : string.Join("\n", lines),
                }));
            }
        }

        sections.AddRange(meetings.OrderByDescending(m => m.Date).Take(MaxHistoryMeetings).Select(m => m.Section));
        if (sections.Count == 1)
        {
            sections[0] = sections[0] with { Body = context.T("oneonones.history.empty") };
        }

        return new Reply
        {
            Text = StringTable.Lines([.. sections.SelectMany(s => new[] { s.Title, s.Body })]),
            Sections = sections,
        };
    }

    /// <summary>The requester's pairing with <paramref name="person"/>, or their only one when no person is named.</summary>
    private async Task<Pairing?> PickAsync(TurnContext context, UserRef? person, IReadOnlyCollection<PairingState> states, CancellationToken cancellationToken) =>
        (await _service.FindAsync(context.Profile.User, person, states, cancellationToken)).Pairing;

    /// <summary>Why nothing was found: the same sentence whether @x exists, has pairings with others, or nothing at all.</summary>
    private async Task<Reply> NotFoundAsync(TurnContext context, UserRef? person, CancellationToken cancellationToken)
    {
        if (person is not null)
        {
            return NoPairing(context, person);
        }

        var count = (await _service.FindAsync(context.Profile.User, null, Running, cancellationToken)).Matches;
        return Error(context.T(count == 0 ? "oneonones.error.no_pairing_any" : "oneonones.error.which_person"));
    }

    /// <summary>The submit action of a form about one pairing, e.g. <c>1on1.note:{pairing id}</c>.</summary>
    public static string FormAction(string action, Pairing pairing)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        return action + ":" + pairing.Id;
    }

    private static Reply NoteForm(TurnContext context, Pairing pairing) => new()
    {
        Text = context.T("oneonones.note.form", ("person", OneOnOneText.Mention(pairing.Other(context.Profile.User)))),
        Form = new ReplyForm(FormAction(NoteFormAction, pairing), context.T("oneonones.note.form_title"), context.T("oneonones.button.save"),
        [
            new ReplyInput("text", context.T("oneonones.form.text"), InputKind.MultilineText) { Required = true, MaxLength = 3000 },
            new ReplyInput("visibility", context.T("oneonones.form.visibility"), InputKind.Choice)
            {
                Choices = [new(context.T("oneonones.form.shared"), "shared"), new(context.T("oneonones.form.private"), "private")],
                InitialValue = "shared",
            },
        ]),
    };

    private static Reply ActionForm(TurnContext context, Pairing pairing) => new()
    {
        Text = context.T("oneonones.action.form", ("person", OneOnOneText.Mention(pairing.Other(context.Profile.User)))),
        Form = new ReplyForm(FormAction(ActionFormAction, pairing), context.T("oneonones.action.form_title"), context.T("oneonones.button.save"),
        [
            new ReplyInput("text", context.T("oneonones.form.text"), InputKind.Text) { Required = true, MaxLength = 3000 },
            new ReplyInput("owner", context.T("oneonones.form.owner"), InputKind.Choice)
            {
                Choices = [new(context.T("oneonones.form.owner_me"), "me"), new(OneOnOneText.Mention(pairing.Other(context.Profile.User)), "other")],
                InitialValue = "me",
            },
            new ReplyInput("due", context.T("oneonones.form.due"), InputKind.Date),
        ]),
    };

    /// <summary>
    /// The answer when an addition breaks one of <see cref="OneOnOneLimits"/>: which limit, and what to do about it
    /// (close items, wait for the meeting, or export and start a fresh pairing). Null when it fits.
    /// </summary>
    private static Reply? Refusal(TurnContext context, Pairing pairing, OneOnOneLimit limit)
    {
        var person = ("person", (object?)OneOnOneText.Mention(pairing.Other(context.Profile.User)));
        return limit switch
        {
            OneOnOneLimit.None => null,
            OneOnOneLimit.Notes => Error(context.T("oneonones.limit.notes", person, ("max", OneOnOneLimits.MaxNotesPerPairing))),
            OneOnOneLimit.OpenActionItems => Error(context.T("oneonones.limit.open_items", person, ("max", OneOnOneLimits.MaxOpenActionItemsPerPairing))),
            OneOnOneLimit.ActionItems => Error(context.T("oneonones.limit.items", person, ("max", OneOnOneLimits.MaxActionItemsPerPairing))),
            _ => Error(context.T("oneonones.limit.points", person, ("max", OneOnOneLimits.MaxWaitingTalkingPointsPerPairing))),
        };
    }
}
