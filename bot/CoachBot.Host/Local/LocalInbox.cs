using System.Collections.Concurrent;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;

namespace CoachBot.Host.Local;

/// <summary>
/// The local channel's "wire" for pushed messages: what Slack or Teams would show in a DM, kept so the playground
/// and tests can read it. It is a transport buffer, not a store: bounded per user and lost on restart, like a
/// notification you did not look at (docs/decisions/0004-local-channel.md).
/// </summary>
public sealed class LocalInbox : IChannelSender, ITeamChannelPoster
{
    /// <summary>Messages kept per user; older ones drop off.</summary>
    public const int Capacity = 100;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<LocalInboxMessage>> _byUser = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public LocalInbox(TimeProvider time) => _time = time;

    public string Channel => LocalChannel.Name;

    public Task SendAsync(UserRef user, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Add(user.UserId, reply);
    }

    /// <summary>A post in a local channel lands in the inbox named after it, e.g. <c>#team-a</c>.</summary>
    public Task PostAsync(TeamChannel channel, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Add(channel.DisplayName, reply);
    }

    private Task Add(string inboxId, Reply reply)
    {
        var queue = _byUser.GetOrAdd(inboxId, _ => new ConcurrentQueue<LocalInboxMessage>());
        queue.Enqueue(new LocalInboxMessage(_time.GetUtcNow(), reply));
        while (queue.Count > Capacity && queue.TryDequeue(out _))
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>Everything pushed to the user (or posted in the channel, for <c>#name</c>), oldest first.</summary>
    public IReadOnlyList<LocalInboxMessage> Read(string userId) =>
        _byUser.TryGetValue(userId, out var queue) ? [.. queue] : [];
}
