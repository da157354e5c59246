using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Reflections;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;
using Microsoft.Extensions.Logging;

namespace CoachBot.Scheduler.Index;

/// <summary>
/// Keeps the due index in step with what people set: after a profile, pairing or reflection is saved, each affected
/// schedule is pointed at its next occurrence at once. Unchanged inputs (same fingerprint) cost nothing more.
/// </summary>
public sealed partial class ScheduleReconciler
{
    private const int MaxAttempts = 3;

    private readonly IDueIndex _index;
    private readonly ScheduleSources _sources;
    private readonly ScheduleRules _rules;
    private readonly UserSchedules _userSchedules;
    private readonly PairingSchedules _pairingSchedules;
    private readonly ReflectionSchedules _reflectionSchedules;
    private readonly TimeProvider _time;
    private readonly ILogger<ScheduleReconciler> _logger;

    public ScheduleReconciler(IDueIndex index, ScheduleSources sources, ScheduleRules rules, TimeProvider time, ILogger<ScheduleReconciler> logger)
    {
        _index = index;
        _sources = sources;
        _rules = rules;
        _userSchedules = new UserSchedules(rules);
        _pairingSchedules = new PairingSchedules(rules);
        _reflectionSchedules = new ReflectionSchedules(rules);
        _time = time;
        _logger = logger;
    }

    /// <summary>Reschedules the user's own schedules, and their 1-on-1 prompts when their calendar changed.</summary>
    public async Task ReconcileUserAsync(UserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var owner = ScheduleKey.UserOwner(profile.User);
        var pointers = await PointersAsync(owner, UserSchedules.Names, cancellationToken);
        var calendarChanged = false;
        foreach (var name in UserSchedules.Names)
        {
            var fingerprint = Fingerprints.ForUser(name, profile, _rules);
            var pointer = pointers.GetValueOrDefault(name);
            if (pointer?.Fingerprint == fingerprint)
            {
                continue;
            }

            calendarChanged |= name == ScheduleKinds.HabitNudge;
            await ReconcileAsync(new ScheduleKey(owner, name), pointer, fingerprint, after => _userSchedules.Next(name, profile, after), cancellationToken);
        }

        if (calendarChanged)
        {
            foreach (var pairing in await _sources.OneOnOnes.ListPairingsAsync(profile.User, cancellationToken))
            {
                await ReconcilePairingAsync(pairing, profile, cancellationToken);
            }
        }
    }

    /// <summary>Reschedules both sides of a pairing (after setup, accept, pause, reschedule, end).</summary>
    public Task ReconcilePairingAsync(Pairing pairing, CancellationToken cancellationToken) =>
        ReconcilePairingAsync(pairing, null, cancellationToken);

    /// <summary>Reschedules a channel's reflection (after <c>team reflection on</c> or <c>off</c>).</summary>
    public async Task ReconcileReflectionAsync(TeamReflection reflection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reflection);
        var key = new ScheduleKey(ScheduleKey.ChannelOwner(reflection.Channel), ReflectionSchedules.Name);
        await ReconcileAsync(
            key,
            await _index.GetAsync(key, cancellationToken),
            Fingerprints.ForReflection(reflection, _rules),
            after => _reflectionSchedules.Next(reflection, after),
            cancellationToken);
    }

    /// <summary>Removes every schedule the owner has (forget me, a reflection whose lead was forgotten).</summary>
    public Task ForgetAsync(string owner, CancellationToken cancellationToken) => _index.DeleteOwnerAsync(owner, cancellationToken);

    private async Task ReconcilePairingAsync(Pairing pairing, UserProfile? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        var owner = ScheduleKey.PairingOwner(pairing.Id);
        var pointers = await PointersAsync(owner, [PairingSchedules.ManagerSide, PairingSchedules.ReportSide], cancellationToken);
        foreach (var side in new[] { PairingSchedules.ManagerSide, PairingSchedules.ReportSide })
        {
            var person = PairingSchedules.Person(pairing, side);
            var profile = known?.User == person ? known : await _sources.Users.GetAsync(person, cancellationToken);
            await ReconcileAsync(
                new ScheduleKey(owner, side),
                pointers.GetValueOrDefault(side),
                Fingerprints.ForPairingSide(pairing, profile, _rules),
                after => _pairingSchedules.Next(pairing, profile, after),
                cancellationToken);
        }
    }

    /// <summary>
    /// The owner's pointers by name, read by key in parallel: point reads stay cheap however large the table grows
    /// (Azurite answers any query by scanning the whole table, so a partition query per save would not).
    /// </summary>
    private async Task<Dictionary<string, SchedulePointer>> PointersAsync(string owner, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(names.Select(name => _index.GetAsync(new ScheduleKey(owner, name), cancellationToken)));
        return found.OfType<SchedulePointer>().ToDictionary(p => p.Key.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// Points one schedule at its next occurrence unless its fingerprint is unchanged. An occurrence already due but
    /// not yet sent stays eligible (the search starts just before it), so saving a setting a moment after the nudge
    /// time does not swallow today's nudge; the ledger keeps it from going out twice.
    /// </summary>
    private async Task ReconcileAsync(
        ScheduleKey key, SchedulePointer? pointer, string fingerprint, Func<DateTimeOffset, Occurrence?> next, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (pointer?.Fingerprint == fingerprint)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var from = pointer?.Next is { } pending && pending.DueAt <= now ? pending.DueAt - TimeSpan.FromTicks(1) : now;
            var occurrence = next(from);
            try
            {
                await _index.MoveAsync(pointer, key, occurrence, fingerprint, cancellationToken);
                LogRescheduled(_logger, key.ToString(), occurrence?.Kind, occurrence?.DueAt);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                pointer = await _index.GetAsync(key, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Schedule {Schedule} now points at {Kind} due {DueAt}")]
    private static partial void LogRescheduled(ILogger logger, string schedule, string? kind, DateTimeOffset? dueAt);
}
