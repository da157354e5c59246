using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Settings;
using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>
/// Proposing 1-on-1s: <c>1on1 setup</c> (with someone the bot may not have met), the proposal the report sees, the
/// proposal held until the report first reaches the bot, and <c>1on1 accept</c> / <c>decline</c>.
/// </summary>
public sealed partial class OneOnOneHandler
{
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
}
