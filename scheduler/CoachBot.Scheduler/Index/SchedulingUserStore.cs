using CoachBot.Core.Scheduling;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Index;

/// <summary>
/// The user store as the rest of the bot sees it once the scheduler is on: every saved profile reschedules the
/// user's nudges (time zone, nudge time, working days, quiet hours, pause, stop...) at once, and a deleted profile
/// (forget me) takes its schedules with it. One decorator, so no handler can forget to reschedule.
/// </summary>
public sealed class SchedulingUserStore : IUserStore
{
    private readonly IUserStore _inner;
    private readonly ScheduleReconciler _reconciler;

    public SchedulingUserStore(IUserStore inner, ScheduleReconciler reconciler)
    {
        _inner = inner;
        _reconciler = reconciler;
    }

    public Task<UserProfile?> GetAsync(UserRef user, CancellationToken cancellationToken) => _inner.GetAsync(user, cancellationToken);

    public async Task<UserProfile> SaveAsync(UserProfile profile, CancellationToken cancellationToken)
    {
        var saved = await _inner.SaveAsync(profile, cancellationToken);
        await _reconciler.ReconcileUserAsync(saved, cancellationToken);
        return saved;
    }

    public async Task DeleteAsync(UserRef user, CancellationToken cancellationToken)
    {
        var owner = ScheduleKey.UserOwner(user);
        await _reconciler.ForgetAsync(owner, cancellationToken);
        await _inner.DeleteAsync(user, cancellationToken);

        // A delivery that read the profile before it went may have moved a schedule on since: sweep again now that
        // the profile is gone (the dispatcher checks the profile after its own writes and cleans up after that).
        await _reconciler.ForgetAsync(owner, cancellationToken);
    }
}
