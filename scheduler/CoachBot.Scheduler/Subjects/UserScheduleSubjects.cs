using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Skills;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Scheduler.Index;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Scheduler.Subjects;

/// <summary>
/// A user's own schedules: the daily habit nudge, the snoozed step, the weekly reading suggestion and the monthly
/// skills check-in. Each is checked against the profile as it is at send time.
/// </summary>
public sealed class UserScheduleSubjects : IScheduleSubjects
{
    private readonly ScheduleSources _sources;
    private readonly ScheduleRules _rules;
    private readonly UserSchedules _schedules;
    private readonly ContentLibrary _content;
    private readonly DailyStepService _steps;
    private readonly ISkillStore _skills;
    private readonly IServiceProvider _services;

    public UserScheduleSubjects(
        ScheduleSources sources,
        ScheduleRules rules,
        ContentLibrary content,
        DailyStepService steps,
        ISkillStore skills,
        IServiceProvider services)
    {
        _sources = sources;
        _rules = rules;
        _schedules = new UserSchedules(rules);
        _content = content;
        _steps = steps;
        _skills = skills;
        _services = services;
    }

    public bool Owns(string owner) => ScheduleOwners.User(owner) is not null;

    public async Task<ScheduleSubject?> LoadAsync(ScheduleKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ScheduleOwners.User(key.Owner) is not { } user || await _sources.Users.GetAsync(user, cancellationToken) is not { } profile)
        {
            return null;
        }

        return new ScheduleSubject(
            Fingerprints.ForUser(key.Name, profile, _rules),
            after => _schedules.Next(key.Name, profile, after),
            (run, token) => DeliverAsync(profile, run, token),
            user);
    }

    private Task<DeliveryOutcome> DeliverAsync(UserProfile profile, DeliveryRun run, CancellationToken cancellationToken) => run.Occurrence.Kind switch
    {
        ScheduleKinds.HabitNudge => NudgeAsync(profile, run, cancellationToken),
        ScheduleKinds.HabitSnooze => SnoozeAsync(profile, run, cancellationToken),
        ScheduleKinds.Reading => EngineAsync(profile, run, "reading", "schedule.reading.lead", cancellationToken),
        ScheduleKinds.SkillsCheckIn => SkillsAsync(profile, run, cancellationToken),
        _ => Task.FromResult(DeliveryOutcome.Stale),
    };

    private async Task<DeliveryOutcome> NudgeAsync(UserProfile profile, DeliveryRun run, CancellationToken cancellationToken)
    {
        var calendar = new CoachingCalendar(profile);
        var date = DateOnly.ParseExact(run.Occurrence.Id, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // The day is over where the user is, or they said "skip today": nothing to nudge.
        if (LocalInstants.DateOf(run.Now, calendar.Zone) != date || DailyStepService.ForDay(profile, date).TodaySkipped)
        {
            return DeliveryOutcome.Skipped;
        }

        // One read of the practice log serves both questions: practised today already, and which step to suggest.
        var practice = await _steps.RecentPracticeAsync(profile.User, date, cancellationToken);
        return practice.Any(p => p.LocalDate == date)
            ? DeliveryOutcome.Skipped
            : await SendStepAsync(profile, run, date, practice, snooze: false, cancellationToken);
    }

    private async Task<DeliveryOutcome> SnoozeAsync(UserProfile profile, DeliveryRun run, CancellationToken cancellationToken)
    {
        var calendar = new CoachingCalendar(profile);
        var today = LocalInstants.DateOf(run.Now, calendar.Zone);
        var practice = await _steps.RecentPracticeAsync(profile.User, today, cancellationToken);
        if (DailyStepService.ForDay(profile, today).TodaySkipped || practice.Any(p => p.LocalDate == today))
        {
            await RememberStepAsync(profile.User, today, null, clearSnooze: true, cancellationToken);
            return DeliveryOutcome.Skipped;
        }

        return await SendStepAsync(profile, run, today, practice, snooze: true, cancellationToken);
    }

    /// <summary>
    /// The day's step, to App Home or by DM. A snooze comes behind its lead line, clears the served snooze and
    /// remembers the step.
    /// </summary>
    private async Task<DeliveryOutcome> SendStepAsync(
        UserProfile profile, DeliveryRun run, DateOnly date, IReadOnlyList<PracticeEntry> practice, bool snooze, CancellationToken cancellationToken)
    {
        if (profile.NudgeChannel == NudgeChannel.AppHome)
        {
            return await HomeAsync(profile, run, cancellationToken);
        }

        var content = _content.For(profile.Language);
        var nudge = DailyStepService.BuildNudge(profile, content, date, practice);
        if (!await run.BeginAsync(profile.User, run.Key(), cancellationToken))
        {
            return DeliveryOutcome.AlreadyRecorded;
        }

        var reply = snooze ? ScheduledReplies.WithLead(nudge.Reply, content.Strings.Format("schedule.snooze.lead")) : nudge.Reply;
        await run.Senders.SendAsync(profile.User, reply, cancellationToken);
        if (snooze)
        {
            // The served snooze has to go anyway; the step goes with it.
            await RememberStepAsync(profile.User, date, nudge.Step.Id, clearSnooze: true, cancellationToken);
        }

        // The daily nudge writes nothing more (ADR 0039): its step is the selector's choice from the profile and the
        // practice log as they are, so `today`, `done` and App Home choose the same step from the same inputs and
        // remember it then.
        return DeliveryOutcome.Sent;
    }

    private async Task<DeliveryOutcome> SkillsAsync(UserProfile profile, DeliveryRun run, CancellationToken cancellationToken)
    {
        var month = DateOnly.ParseExact(run.Occurrence.Id + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if ((await _skills.ListAsync(profile.User, cancellationToken)).Any(a => a.Month == month))
        {
            return DeliveryOutcome.Skipped;
        }

        return await EngineAsync(profile, run, "skills", "schedule.skills.lead", cancellationToken);
    }

    /// <summary>Runs the user's own command through the conversation engine (the same reply `reading` or `skills`
    /// gives) and pushes it with a lead line.</summary>
    private async Task<DeliveryOutcome> EngineAsync(UserProfile profile, DeliveryRun run, string command, string leadKey, CancellationToken cancellationToken)
    {
        var engine = _services.GetRequiredService<ConversationEngine>();
        var replies = await engine.HandleAsync(new IncomingTurn { User = profile.User, Text = command }, cancellationToken);
        if (ScheduledReplies.AnyError(replies))
        {
            throw new StoreUnavailableException($"The {command} reply could not be built; the occurrence will be retried.");
        }

        if (!await run.BeginAsync(profile.User, run.Key(), cancellationToken))
        {
            return DeliveryOutcome.AlreadyRecorded;
        }

        var lead = _content.For(profile.Language).Strings.Format(leadKey);
        for (var i = 0; i < replies.Count; i++)
        {
            await run.Senders.SendAsync(profile.User, i == 0 ? ScheduledReplies.WithLead(replies[i], lead) : replies[i], cancellationToken);
        }

        return DeliveryOutcome.Sent;
    }

    /// <summary>"App Home only": the dashboard is refreshed instead of a DM; without a home surface nothing is pushed
    /// (the step waits in `today` and `home`).</summary>
    private static async Task<DeliveryOutcome> HomeAsync(UserProfile profile, DeliveryRun run, CancellationToken cancellationToken)
    {
        if (run.Senders.Home(profile.User.Channel) is not { } home)
        {
            return DeliveryOutcome.Skipped;
        }

        if (!await run.BeginAsync(profile.User, run.Key(), cancellationToken))
        {
            return DeliveryOutcome.AlreadyRecorded;
        }

        await home.RefreshAsync(profile.User, cancellationToken);
        return DeliveryOutcome.Sent;
    }

    /// <summary>Remembers the day's step so `today` and `done` agree with the nudge (and clears a served snooze).</summary>
    private Task RememberStepAsync(UserRef user, DateOnly date, string? stepId, bool clearSnooze, CancellationToken cancellationToken) =>
        _sources.Users.UpdateAsync(
            user,
            p =>
            {
                var day = DailyStepService.ForDay(p, date);
                var changed = day with
                {
                    TodayStepId = day.TodayStepId ?? stepId,
                    SnoozedUntil = clearSnooze ? null : day.SnoozedUntil,
                };
                return changed == p ? null : changed;
            },
            cancellationToken);
}
