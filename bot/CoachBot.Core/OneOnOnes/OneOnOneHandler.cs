using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Settings;
using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>
/// The <c>1on1 ...</c> commands: pairing setup and its life (this file), the agenda, notes, action items and history
/// (<c>OneOnOneHandler.Meetings.cs</c>). Every lookup goes through <see cref="OneOnOneService"/>, which only returns
/// the requester's own pairings; "no pairing with @x" is the answer whether or not @x has pairings with others.
/// </summary>
public sealed partial class OneOnOneHandler : ICommandHandler, IActionHandler, IFirstContactHandler
{
    private static readonly PairingState[] Open = [PairingState.Proposed, PairingState.Active, PairingState.Paused];
    private static readonly PairingState[] Running = [PairingState.Active, PairingState.Paused];

    private readonly OneOnOneService _service;
    private readonly IUserStore _users;
    private readonly ITalkingPointStore _talkingPoints;
    private readonly ContentLibrary _content;
    private readonly IEnumerable<IChannelSender> _senders;
    private readonly IEnumerable<IPersonDirectory> _directories;

    public OneOnOneHandler(
        OneOnOneService service,
        IUserStore users,
        ITalkingPointStore talkingPoints,
        ContentLibrary content,
        IEnumerable<IChannelSender> senders,
        IEnumerable<IPersonDirectory> directories)
    {
        _service = service;
        _users = users;
        _talkingPoints = talkingPoints;
        _content = content;
        _senders = senders;
        _directories = directories;
    }

    public IReadOnlyList<string> Verbs { get; } =
    [
        "1on1 setup", "1on1 accept", "1on1 decline", "1on1 list", "1on1 agenda", "1on1 add", "1on1 note", "1on1 action",
        "1on1 done", "1on1 history", "1on1 share", "1on1 reschedule", "1on1 pause", "1on1 resume", "1on1 end",
    ];

    public string ActionPrefix => "1on1.";

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var args = command.Arguments;
        return command.Verb switch
        {
            "1on1 setup" => await SetupAsync(context, args, cancellationToken),
            "1on1 accept" => await AnswerProposalAsync(context, args, accept: true, cancellationToken),
            "1on1 decline" => await AnswerProposalAsync(context, args, accept: false, cancellationToken),
            "1on1 list" => await ListAsync(context, cancellationToken),
            "1on1 agenda" => await AgendaAsync(context, args, cancellationToken),
            "1on1 add" => await AddPointAsync(context, args, cancellationToken),
            "1on1 note" => await NoteAsync(context, args, cancellationToken),
            "1on1 action" => await ActionAsync(context, args, cancellationToken),
            "1on1 done" => await DoneAsync(context, args, cancellationToken),
            "1on1 history" => await HistoryAsync(context, args, cancellationToken),
            "1on1 share" => await ShareAsync(context, args, cancellationToken),
            "1on1 reschedule" => await RescheduleAsync(context, args, cancellationToken),
            _ => await ChangeStateAsync(context, command.Verb, args, cancellationToken),
        };
    }

    public async Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        // Forms carry their pairing in the action id (`1on1.note:{id}`): there is no hidden input, and the id is
        // checked against the submitter's own pairings anyway.
        var (id, pairingId) = action.Id.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            ? (action.Id[..colon], action.Id[(colon + 1)..])
            : (action.Id, string.Empty);
        return id switch
        {
            NoteFormAction => await NoteFromFormAsync(context, pairingId, action, cancellationToken),
            ActionFormAction => await ActionFromFormAsync(context, pairingId, action, cancellationToken),
            DoneAction => await DoneFromButtonAsync(context, pairingId, action, cancellationToken),
            HeldAction => await HeldFromButtonAsync(context, pairingId, action, cancellationToken),
            _ => Error(context.T("error.unknown_action")),
        };
    }

    private async Task<Reply> ChangeStateAsync(TurnContext context, string verb, string args, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var (person, _) = OneOnOneArguments.LeadingMention(args, me);
        var name = verb["1on1 ".Length..];
        if (person is null)
        {
            return Error(context.T("oneonones.error.person_needed", ("verb", verb)));
        }

        var found = await _service.FindAsync(me, person, Open, cancellationToken);
        if (found.Pairing is not { } pairing)
        {
            return NoPairing(context, person);
        }

        var changed = name switch
        {
            "pause" => pairing.Pause(context.Now),
            "resume" => pairing.Resume(context.Now),
            _ => pairing.End(context.Now),
        };
        if (changed is null)
        {
            return Error(context.T("oneonones.state.not_now", ("verb", verb), ("state", context.T("oneonones.state." + pairing.State.ToString().ToLowerInvariant()))));
        }

        await _service.SaveAsync(me, changed, cancellationToken);
        await NotifyAsync(person, "oneonones." + name + ".notify", context, cancellationToken);
        return Plain(context.T("oneonones." + name + ".done", ("person", OneOnOneText.Mention(person))));
    }

    private async Task<Reply> RescheduleAsync(TurnContext context, string args, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var parts = args.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || OneOnOneArguments.Mention(parts[0], me) is not { } person)
        {
            return Error(context.T("oneonones.reschedule.usage"));
        }

        if (OneOnOneArguments.ParseDay(parts[1]) is not { } day)
        {
            return OneOnOneArguments.NearestDay(parts[1]) is { } nearest
                ? Error(context.T("oneonones.error.day_suggest", ("value", parts[1]), ("day", nearest)))
                : Error(context.T("oneonones.error.day", ("value", parts[1])));
        }

        if (SettingsParser.TimeOfDay(parts[2]) is not { } time)
        {
            return Error(context.T("oneonones.error.time", ("value", parts[2])));
        }

        if ((await _service.FindAsync(me, person, Open, cancellationToken)).Pairing is not { } pairing)
        {
            return NoPairing(context, person);
        }

        // The schedule stays in the pairing's zone (the manager's), so it does not drift when the other person travels.
        var changed = pairing.Reschedule(day, time, MeetingSchedule.FirstMeeting(day, time, pairing.TimeZoneId, context.Now), context.Now)!;
        await _service.SaveAsync(me, changed, cancellationToken);
        await NotifyAsync(person, "oneonones.reschedule.notify", context, cancellationToken);
        var first = MeetingSchedule.Instant(changed, changed.FirstMeeting);
        return Plain(context.T("oneonones.reschedule.done", ("person", OneOnOneText.Mention(person)),
            ("when", OneOnOneText.When(first, context.Profile.Language, context.Profile.TimeZoneId)), ("zone", changed.TimeZoneId)));
    }

    private async Task<Reply> ShareAsync(TurnContext context, string args, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var (manager, rest) = OneOnOneArguments.LeadingMention(args, me);
        if (SettingsParser.OnOff(rest) is not { } on)
        {
            return Error(context.T("oneonones.share.usage"));
        }

        var mine = (await _service.ListMineAsync(me, cancellationToken))
            .Where(p => p.Report == me && Running.Contains(p.State) && (manager is null || p.Manager == manager))
            .ToList();
        if (mine.Count == 0)
        {
            return manager is null ? Error(context.T("oneonones.share.none")) : NoPairing(context, manager);
        }

        foreach (var pairing in mine)
        {
            await _service.SaveAsync(me, pairing with { ShareRecentPractice = on, UpdatedAt = context.Now }, cancellationToken);
        }

        return Plain(context.T(on ? "oneonones.share.on" : "oneonones.share.off",
            ("people", string.Join(", ", mine.Select(p => OneOnOneText.Mention(p.Manager))))));
    }

    private async Task<Reply> ListAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var mine = (await _service.ListMineAsync(me, cancellationToken)).Where(p => p.State != PairingState.Ended).ToList();
        if (mine.Count == 0)
        {
            return Plain(context.T("oneonones.list.none"));
        }

        var lines = mine.Select(p =>
        {
            var next = MeetingSchedule.NextMeetingUtc(p, context.Now);
            return context.T(
                p.Manager == me ? "oneonones.list.as_manager" : "oneonones.list.as_report",
                ("person", OneOnOneText.Mention(p.Other(me))), ("cadence", context.T("oneonones.cadence." + Code(p.Cadence))),
                ("state", context.T("oneonones.state." + p.State.ToString().ToLowerInvariant())),
                ("when", next is { } n ? OneOnOneText.When(n, context.Profile.Language, context.Profile.TimeZoneId) : "-"));
        });
        return Plain(StringTable.Lines([context.T("oneonones.list.title"), .. lines]));
    }

    private async Task<bool> SendAsync(UserRef to, Reply reply, CancellationToken cancellationToken)
    {
        var sender = _senders.FirstOrDefault(s => s.Channel == to.Channel);
        if (sender is null)
        {
            return false;
        }

        try
        {
            await sender.SendAsync(to, reply, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is IRecipientFailure)
        {
            // The platform cannot reach them (not in the workspace, never added the app in Teams): the change is
            // saved all the same and the answer says how the other person can pick it up.
            return false;
        }
    }

    /// <summary>
    /// Tells the other person that the one acting in <paramref name="by"/> changed the pairing: in their language, or
    /// the actor's when they never stored a profile (they are told all the same).
    /// </summary>
    private async Task NotifyAsync(UserRef to, string key, TurnContext by, CancellationToken cancellationToken)
    {
        var language = (await _users.GetAsync(to, cancellationToken))?.Language ?? by.Profile.Language;
        var strings = _content.For(language).Strings;
        await SendAsync(to, Reply.Plain(strings.Format(key, ("person", OneOnOneText.Mention(by.Profile.User)))), cancellationToken);
    }

    private static string Code(Cadence cadence) => cadence.ToString().ToLowerInvariant();

    private static Reply NoPairing(TurnContext context, UserRef person) =>
        Error(context.T("oneonones.error.no_pairing", ("person", OneOnOneText.Mention(person))));

    private static Reply Error(string text) => new() { Text = text, IsError = true };

    private static Reply Plain(string text) => Reply.Plain(text);
}
