using System.Globalization;
using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Scheduling;
using CoachBot.Scheduler.Dispatch;
using CoachBot.Scheduler.Index;

namespace CoachBot.Scheduler.Subjects;

/// <summary>One side of a pairing: prep prompts before each meeting and the follow-up after it.</summary>
public sealed class PairingScheduleSubjects : IScheduleSubjects
{
    private readonly ScheduleSources _sources;
    private readonly ScheduleRules _rules;
    private readonly PairingSchedules _schedules;
    private readonly OneOnOneReminders _reminders;

    public PairingScheduleSubjects(ScheduleSources sources, ScheduleRules rules, OneOnOneReminders reminders)
    {
        _sources = sources;
        _rules = rules;
        _schedules = new PairingSchedules(rules);
        _reminders = reminders;
    }

    public bool Owns(string owner) => ScheduleOwners.Pairing(owner) is not null;

    public async Task<ScheduleSubject?> LoadAsync(ScheduleKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ScheduleOwners.Pairing(key.Owner) is not { } id || await _sources.OneOnOnes.GetPairingAsync(id, cancellationToken) is not { } pairing)
        {
            return null;
        }

        var person = PairingSchedules.Person(pairing, key.Name);
        var profile = await _sources.Users.GetAsync(person, cancellationToken);
        return new ScheduleSubject(
            Fingerprints.ForPairingSide(pairing, profile, _rules),
            after => _schedules.Next(pairing, profile, after),
            (run, token) => DeliverAsync(pairing, key.Name, run, token),
            person);
    }

    private async Task<DeliveryOutcome> DeliverAsync(Pairing pairing, string side, DeliveryRun run, CancellationToken cancellationToken)
    {
        var person = PairingSchedules.Person(pairing, side);
        var kind = run.Occurrence.Kind;
        var reply = kind == ScheduleKinds.OneOnOneFollowUp
            ? await _reminders.BuildFollowUpAsync(pairing, person, cancellationToken)
            : await _reminders.BuildPrepAsync(pairing, person, int.Parse(kind[ScheduleKinds.OneOnOnePrep.Length..], CultureInfo.InvariantCulture), cancellationToken);
        if (reply is null)
        {
            return DeliveryOutcome.Skipped;
        }

        if (!await run.BeginAsync(person, run.Key(), cancellationToken))
        {
            return DeliveryOutcome.AlreadyRecorded;
        }

        await run.Senders.SendAsync(person, reply, cancellationToken);
        return DeliveryOutcome.Sent;
    }
}
