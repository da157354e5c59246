using CoachBot.Core.Reflections;
using CoachBot.Core.Scheduling;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Index;

/// <summary>The reflection store with rescheduling: a saved set-up (on, off, moved) reschedules the channel's open,
/// reminder and close at once; forgetting a lead removes the schedules of the reflections they led.</summary>
public sealed class SchedulingReflectionStore : IReflectionStore
{
    private readonly IReflectionStore _inner;
    private readonly ScheduleReconciler _reconciler;

    public SchedulingReflectionStore(IReflectionStore inner, ScheduleReconciler reconciler)
    {
        _inner = inner;
        _reconciler = reconciler;
    }

    public Task<TeamReflection?> GetAsync(TeamChannel channel, CancellationToken cancellationToken) => _inner.GetAsync(channel, cancellationToken);

    public async Task<TeamReflection> SaveAsync(TeamReflection reflection, CancellationToken cancellationToken)
    {
        var saved = await _inner.SaveAsync(reflection, cancellationToken);
        await _reconciler.ReconcileReflectionAsync(saved, cancellationToken);
        return saved;
    }

    public Task<IReadOnlyList<TeamReflection>> ListLedByAsync(UserRef lead, CancellationToken cancellationToken) => _inner.ListLedByAsync(lead, cancellationToken);

    public Task AddMemberAsync(TeamChannel channel, UserRef member, CancellationToken cancellationToken) => _inner.AddMemberAsync(channel, member, cancellationToken);

    public Task RemoveMemberAsync(TeamChannel channel, UserRef member, CancellationToken cancellationToken) => _inner.RemoveMemberAsync(channel, member, cancellationToken);

    public Task<IReadOnlyList<UserRef>> ListMembersAsync(TeamChannel channel, CancellationToken cancellationToken) => _inner.ListMembersAsync(channel, cancellationToken);

    public Task<IReadOnlyList<TeamChannel>> ListMembershipsAsync(UserRef member, CancellationToken cancellationToken) => _inner.ListMembershipsAsync(member, cancellationToken);

    public Task<ReflectionRound?> TryAddRoundAsync(ReflectionRound round, CancellationToken cancellationToken) => _inner.TryAddRoundAsync(round, cancellationToken);

    public Task<ReflectionRound> SaveRoundAsync(ReflectionRound round, CancellationToken cancellationToken) => _inner.SaveRoundAsync(round, cancellationToken);

    public Task<IReadOnlyList<ReflectionRound>> ListRoundsAsync(TeamChannel channel, CancellationToken cancellationToken) => _inner.ListRoundsAsync(channel, cancellationToken);

    public Task<ReflectionAnswer?> GetOwnAnswerAsync(UserRef author, TeamChannel channel, string week, CancellationToken cancellationToken) => _inner.GetOwnAnswerAsync(author, channel, week, cancellationToken);

    public Task<ReflectionAnswer> SaveOwnAnswerAsync(UserRef author, ReflectionAnswer answer, CancellationToken cancellationToken) => _inner.SaveOwnAnswerAsync(author, answer, cancellationToken);

    public Task<IReadOnlyList<AnonymousAnswer>> ListAnswersAsync(TeamChannel channel, string week, CancellationToken cancellationToken) => _inner.ListAnswersAsync(channel, week, cancellationToken);

    public Task<IReadOnlyList<ReflectionAnswer>> ListOwnAnswersAsync(UserRef author, CancellationToken cancellationToken) => _inner.ListOwnAnswersAsync(author, cancellationToken);

    public async Task DeleteUserDataAsync(UserRef user, CancellationToken cancellationToken)
    {
        // The set-ups the user leads go with their data, and so do their schedules.
        var led = await _inner.ListLedByAsync(user, cancellationToken);
        await _inner.DeleteUserDataAsync(user, cancellationToken);
        foreach (var reflection in led)
        {
            await _reconciler.ForgetAsync(ScheduleKey.ChannelOwner(reflection.Channel), cancellationToken);
        }
    }
}
