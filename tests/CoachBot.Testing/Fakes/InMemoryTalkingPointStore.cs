using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="ITalkingPointStore"/> in memory: ids unique per user, lists oldest first.</summary>
public sealed class InMemoryTalkingPointStore : ITalkingPointStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, TalkingPoint>> _byUser = new(StringComparer.Ordinal);

    public Task<bool> AddAsync(TalkingPoint point, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(point);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_byUser.TryGetValue(point.User.Key, out var points))
            {
                points = new Dictionary<string, TalkingPoint>(StringComparer.Ordinal);
                _byUser[point.User.Key] = points;
            }

            return Task.FromResult(points.TryAdd(point.Id, point));
        }
    }

    public Task<IReadOnlyList<TalkingPoint>> ListAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<TalkingPoint> result = _byUser.TryGetValue(user.Key, out var points)
                ? [.. points.Values.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal)]
                : [];
            return Task.FromResult(result);
        }
    }

    public Task DeleteAllAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _byUser.Remove(user.Key);
        }

        return Task.CompletedTask;
    }
}
