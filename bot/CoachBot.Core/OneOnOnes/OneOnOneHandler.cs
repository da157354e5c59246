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

    private async Task<Reply> SetupAsync(TurnContext context, string args, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var parts = args.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4 || OneOnOneArguments.Mention(parts[0], me) is not { } report)
        {
            return Error(context.T("oneonones.setup.usage"));
        }

        if (report == me)
        {
            return Error(context.T("oneonones.setup.self"));
        }

        if (OneOnOneArguments.ParseCadence(parts[1]) is not { } cadence)
        {
            return Error(context.T("oneonones.setup.cadence", ("value", parts[1])));
        }

        if (OneOnOneArguments.ParseDay(parts[2]) is not { } day)
        {
            return OneOnOneArguments.NearestDay(parts[2]) is { } nearest
                ? Error(context.T("oneonones.error.day_suggest", ("value", parts[2]), ("day", nearest)))
                : Error(context.T("oneonones.error.day", ("value", parts[2])));
        }

        if (SettingsParser.TimeOfDay(parts[3]) is not { } time)
        {
            return Error(context.T("oneonones.error.time", ("value", parts[3])));
        }

        if ((await _service.FindAsync(me, report, Open, cancellationToken)).Matches > 0)
        {
            return Error(context.T("oneonones.setup.exists", ("person", OneOnOneText.Mention(report))));
        }

        // Someone the bot has not met: their chat service says who they are (a bot or a deactivated account cannot
        // meet), and their zone and language, kept as a profile that starts nothing, so the proposal and every
        // prompt of the pairing reach them in their own words and hours.
        var reportProfile = await _users.GetAsync(report, cancellationToken);
        PersonHints? hints = null;
        if (reportProfile is null && _directories.FirstOrDefault(d => d.Channel == report.Channel) is { } directory)
        {
            hints = await directory.FindAsync(report, cancellationToken);
            if (hints is { IsBot: true } or { Deactivated: true })
            {
                return Error(context.T(hints.IsBot ? "oneonones.setup.bot" : "oneonones.setup.deactivated", ("person", OneOnOneText.Mention(report))));
            }
        }

        // The manager may never have typed `start`: their language and zone are what every prompt of this pairing uses.
        await context.RememberAsync(cancellationToken);
        var zone = context.Profile.TimeZoneId;
        var pairing = new Pairing(
            Guid.NewGuid().ToString("N"), me, report, cadence, day, time, zone,
            MeetingSchedule.FirstMeeting(day, time, zone, context.Now), PairingState.Proposed)
        { CreatedAt = context.Now, UpdatedAt = context.Now };
        if (hints is not null)
        {
            // Saved before the pairing: a conflict with the report's own first message re-runs this turn cleanly.
            reportProfile = await _users.SaveAsync(
                PairingProfiles.Assumed(pairing, report, context.Profile.Language) with
                {
                    TimeZoneId = SettingsParser.TimeZone(hints.TimeZone) ?? zone,
                    Language = hints.Locale is null ? context.Profile.Language : ContentLibrary.LanguageOf(hints.Locale),
                    CreatedAt = context.Now,
                },
                cancellationToken);
        }

        pairing = await _service.SaveAsync(me, pairing, cancellationToken);

        // Someone who never wrote to the bot still gets the proposal, in the manager's language until they choose.
        reportProfile ??= PairingProfiles.Assumed(pairing, report, context.Profile.Language);
        var sent = await SendAsync(report, Proposal(pairing, reportProfile), cancellationToken);
        if (!sent)
        {
            // Kept until they reach the bot: their first turn (on Teams, adding the app) delivers it.
            await _service.SaveAsync(me, pairing with { ProposalHeld = true }, cancellationToken);
        }

        var first = MeetingSchedule.Instant(pairing, pairing.FirstMeeting);
        return Plain(context.T(
            sent ? "oneonones.setup.sent" : NotSentKey(context, report),
            ("person", OneOnOneText.Mention(report)), ("cadence", context.T("oneonones.cadence." + Code(cadence))),
            ("when", OneOnOneText.When(first, context.Profile.Language, context.Profile.TimeZoneId))));
    }

    /// <summary>The proposal as the report sees it: in their language and zone, with Accept and Decline.</summary>
    private Reply Proposal(Pairing pairing, UserProfile reportProfile)
    {
        var strings = _content.For(reportProfile.Language).Strings;
        var manager = OneOnOneText.Mention(pairing.Manager);
        var first = MeetingSchedule.Instant(pairing, pairing.FirstMeeting);
        return new Reply
        {
            Text = strings.Format(
                "oneonones.setup.proposal", ("person", manager), ("cadence", strings.Format("oneonones.cadence." + Code(pairing.Cadence))),
                ("when", OneOnOneText.When(first, reportProfile.Language, reportProfile.TimeZoneId))),
            Buttons =
            [
                ReplyButton.Command(strings.Format("oneonones.button.accept"), "1on1 accept " + manager, ButtonStyle.Primary),
                ReplyButton.Command(strings.Format("oneonones.button.decline"), "1on1 decline " + manager),
            ],
        };
    }

    /// <summary>
    /// Proposals held for this person because the platform could not reach them: delivered now, in this turn, and
    /// the manager is told they arrived. The flag is cleared first, so a retry of the turn does not repeat them.
    /// </summary>
    public async Task<IReadOnlyList<Reply>> OnFirstContactAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var me = context.Profile.User;
        var held = (await _service.ListMineAsync(me, cancellationToken))
            .Where(p => p.State == PairingState.Proposed && p.ProposalHeld && p.Report == me)
            .ToList();
        var replies = new List<Reply>(held.Count);
        foreach (var pairing in held)
        {
            var saved = await _service.SaveAsync(me, pairing with { ProposalHeld = false, UpdatedAt = context.Now }, cancellationToken);
            replies.Add(Proposal(saved, context.Profile));
            await NotifyAsync(pairing.Manager, "oneonones.setup.delivered", context, cancellationToken);
        }

        return replies;
    }

    /// <summary>What to do when the proposal could not be delivered: the channel's own steps when the content has them.</summary>
    private static string NotSentKey(TurnContext context, UserRef report) =>
        context.Strings.Contains("oneonones.setup.not_sent_" + report.Channel) ? "oneonones.setup.not_sent_" + report.Channel : "oneonones.setup.not_sent";

    private async Task<Reply> AnswerProposalAsync(TurnContext context, string args, bool accept, CancellationToken cancellationToken)
    {
        var me = context.Profile.User;
        var (manager, _) = OneOnOneArguments.LeadingMention(args, me);
        var proposals = (await _service.ListMineAsync(me, cancellationToken))
            .Where(p => p.State == PairingState.Proposed && p.Report == me && (manager is null || p.Manager == manager))
            .ToList();
        if (proposals.Count != 1)
        {
            return Error(context.T(proposals.Count == 0 ? "oneonones.accept.none" : "oneonones.accept.which"));
        }

        var proposal = proposals[0];
        if (accept)
        {
            // Prep prompts and follow-ups will come unasked: they need the report's language and zone.
            await context.RememberAsync(cancellationToken);
        }

        var changed = (accept ? proposal.Accept(context.Now) : proposal.Decline(context.Now))!;
        await _service.SaveAsync(me, changed, cancellationToken);
        var key = accept ? "oneonones.accept.done" : "oneonones.decline.done";
        await NotifyAsync(proposal.Manager, accept ? "oneonones.accept.notify" : "oneonones.decline.notify", context, cancellationToken);
        var next = MeetingSchedule.NextMeetingUtc(changed, context.Now);
        return Plain(context.T(key, ("person", OneOnOneText.Mention(proposal.Manager)),
            ("when", next is { } n ? OneOnOneText.When(n, context.Profile.Language, context.Profile.TimeZoneId) : "-")));
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
