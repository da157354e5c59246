using System.Collections.Concurrent;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Users;

namespace CoachBot.Benchmarks.SchedulerDispatch;

/// <summary>The "local" channel's sender, in-process: counts every message per user id and sends nothing anywhere.</summary>
public sealed class CountingSender : IChannelSender
{
    private readonly ConcurrentDictionary<string, int> _sent = new(StringComparer.Ordinal);
    private int _total;

    public string Channel => BenchUsers.Channel;

    /// <summary>Messages received, all users.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>Messages per user id.</summary>
    public IReadOnlyDictionary<string, int> PerUser => _sent;

    public Task SendAsync(UserRef user, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        _sent.AddOrUpdate(user.UserId, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
        return Task.CompletedTask;
    }
}
