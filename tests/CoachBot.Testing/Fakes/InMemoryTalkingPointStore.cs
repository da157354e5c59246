using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="ITalkingPointStore"/> in memory: ids unique per user, lists oldest first.</summary>
public sealed class InMemoryTalkingPointStore : ITalkingPointStore
{
    private readonly PerUserRows<string, TalkingPoint> _rows = new();

    public Task<bool> AddAsync(TalkingPoint point, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(point);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_rows.TryAdd(point.User, point.Id, point));
    }

    public Task<IReadOnlyList<TalkingPoint>> ListAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_rows.List(user, points => points.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal)));
    }

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        _rows.RemoveAll(user);
        return Task.CompletedTask;
    }
}
