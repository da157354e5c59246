using System.Globalization;
using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Reflections;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Scheduler.Index;
using Microsoft.Extensions.Logging;

namespace CoachBot.Scheduler.Subjects;

/// <summary>
/// A channel's weekly reflection: the prompts to every member when the round opens, a reminder to those who have
/// not answered, and the summary when it closes (in the channel, or to the lead where the platform cannot post in
/// channels). One member who cannot be reached never holds up the others.
/// </summary>
public sealed partial class ReflectionScheduleSubjects : IScheduleSubjects
{
    private readonly ScheduleSources _sources;
    private readonly ScheduleRules _rules;
    private readonly ReflectionSchedules _schedules;
    private readonly TeamReflectionService _service;
    private readonly ContentLibrary _content;
    private readonly ILogger<ReflectionScheduleSubjects> _logger;

    public ReflectionScheduleSubjects(
        ScheduleSources sources, ScheduleRules rules, TeamReflectionService service, ContentLibrary content, ILogger<ReflectionScheduleSubjects> logger)
    {
        _sources = sources;
        _rules = rules;
        _schedules = new ReflectionSchedules(rules);
        _service = service;
        _content = content;
        _logger = logger;
    }

    public bool Owns(string owner) => ScheduleOwners.Channel(owner) is not null;

    public async Task<ScheduleSubject?> LoadAsync(ScheduleKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ScheduleOwners.Channel(key.Owner) is not { } channel || await _sources.Reflections.GetAsync(channel, cancellationToken) is not { } reflection)
        {
            return null;
        }

        return new ScheduleSubject(
            Fingerprints.ForReflection(reflection, _rules),
            after => _schedules.Next(reflection, after),
            (run, token) => DeliverAsync(reflection, run, token),
            null);
    }

    private Task<DeliveryOutcome> DeliverAsync(TeamReflection reflection, DeliveryRun run, CancellationToken cancellationToken) => run.Occurrence.Kind switch
    {
        ScheduleKinds.ReflectionOpen => OpenAsync(reflection, run, cancellationToken),
        ScheduleKinds.ReflectionReminder => RemindAsync(reflection, run, cancellationToken),
        ScheduleKinds.ReflectionClose => CloseAsync(reflection, run, cancellationToken),
        _ => Task.FromResult(DeliveryOutcome.Stale),
    };

    private async Task<DeliveryOutcome> OpenAsync(TeamReflection reflection, DeliveryRun run, CancellationToken cancellationToken)
    {
        if (!await run.BeginAsync(null, run.Key(reflection.Channel.Key), cancellationToken))
        {
            return DeliveryOutcome.AlreadyRecorded;
        }

        IReadOnlyList<ReflectionInvitation> invitations;
        try
        {
            // The round counts from the scheduled open, so a late run still closes when the schedule closes it.
            invitations = await _service.OpenRoundAsync(reflection.Channel, run.Occurrence.DueAt, run.Now, cancellationToken);
        }
        catch (ChannelRosterUnavailableException e)
        {
            // No round was opened and nobody was asked: the claim is released and the open tried again later.
            throw new DeliveryFailedException("The channel's member list could not be read.", isPermanent: false, e);
        }

        var sent = 0;
        foreach (var invitation in invitations)
        {
            sent += await SendToMemberAsync(invitation.Member, invitation.Reply, reflection, run, cancellationToken) ? 1 : 0;
        }

        return sent > 0 ? DeliveryOutcome.Sent : DeliveryOutcome.Skipped;
    }

    private async Task<DeliveryOutcome> RemindAsync(TeamReflection reflection, DeliveryRun run, CancellationToken cancellationToken)
    {
        var channel = reflection.Channel;
        var round = (await _sources.Reflections.ListRoundsAsync(channel, cancellationToken))
            .FirstOrDefault(r => r.Week == run.Occurrence.Id && r.ClosedAt is null);
        if (round is null)
        {
            return DeliveryOutcome.Skipped;
        }

        var hours = (int)Math.Max(1, Math.Round((round.ClosesAt - run.Now).TotalHours));
        var sent = 0;
        foreach (var member in await _sources.Reflections.ListMembersAsync(channel, cancellationToken))
        {
            if (!reflection.Invites(member) || await _sources.Reflections.GetOwnAnswerAsync(member, channel, round.Week, cancellationToken) is not null)
            {
                continue;
            }

            var profile = await _sources.Users.GetAsync(member, cancellationToken);
            var content = _content.For(profile?.Language ?? ContentLibrary.DefaultLanguage);
            var form = ReflectionForm.Build(content, round, null, profile?.TimeZoneId ?? reflection.TimeZoneId);
            var lead = content.Strings.Format("schedule.reflection.reminder", ("channel", channel.DisplayName), ("hours", hours.ToString(CultureInfo.InvariantCulture)));
            sent += await SendToMemberAsync(member, ScheduledReplies.WithLead(form, lead), reflection, run, cancellationToken) ? 1 : 0;
        }

        return sent > 0 ? DeliveryOutcome.Sent : DeliveryOutcome.Skipped;
    }

    private async Task<DeliveryOutcome> CloseAsync(TeamReflection reflection, DeliveryRun run, CancellationToken cancellationToken)
    {
        var channel = reflection.Channel;
        if (!await run.BeginAsync(null, run.Key(channel.Key), cancellationToken))
        {
            return DeliveryOutcome.AlreadyRecorded;
        }

        if (await _service.CloseRoundAsync(channel, run.Now, cancellationToken) is not { } summary)
        {
            return DeliveryOutcome.Skipped;
        }

        if (run.Senders.CanPost(channel.Channel))
        {
            await run.Senders.PostAsync(channel, summary, cancellationToken);
        }
        else
        {
            var lead = await _sources.Users.GetAsync(reflection.Lead, cancellationToken);
            var strings = _content.For(lead?.Language ?? ContentLibrary.DefaultLanguage).Strings;
            await run.Senders.SendAsync(
                reflection.Lead, ScheduledReplies.WithLead(summary, strings.Format("schedule.reflection.summary_for_lead", ("channel", channel.DisplayName))), cancellationToken);
        }

        return DeliveryOutcome.Sent;
    }

    /// <summary>One member's DM: not to people who stopped nudges or are away today; a failure is logged, not thrown.</summary>
    private async Task<bool> SendToMemberAsync(UserRef member, Reply reply, TeamReflection reflection, DeliveryRun run, CancellationToken cancellationToken)
    {
        var profile = await _sources.Users.GetAsync(member, cancellationToken);
        if (profile is not null)
        {
            var calendar = new CoachingCalendar(profile);
            if (profile.NudgesStopped || calendar.IsAway(LocalInstants.DateOf(run.Now, calendar.Zone)))
            {
                return false;
            }
        }

        if (!await run.BeginAsync(member, run.Key(reflection.Channel.Key), cancellationToken))
        {
            return false;
        }

        try
        {
            await run.Senders.SendAsync(member, reply, cancellationToken);
            return true;
        }
        catch (DeliveryFailedException e)
        {
            LogMemberFailed(_logger, e, run.Occurrence.Kind, reflection.Channel.Key);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} DM for a member of {Channel} did not get through; the others were sent")]
    private static partial void LogMemberFailed(ILogger logger, Exception exception, string kind, string channel);
}
