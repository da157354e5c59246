using System.Collections.Concurrent;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary>An <see cref="IChannelSender"/> for the local channel that keeps what it was asked to send.</summary>
public sealed class RecordingChannelSender : IChannelSender
{
    private readonly ConcurrentQueue<(UserRef User, Reply Reply)> _sent = new();

    public string Channel => "local";

    /// <summary>Everything sent, oldest first.</summary>
    public IReadOnlyList<(UserRef User, Reply Reply)> Messages => [.. _sent];

    /// <summary>User ids the platform cannot reach: sending to them throws <see cref="UnreachableRecipientException"/>.</summary>
    public ISet<string> Unreachable { get; } = new HashSet<string>(StringComparer.Ordinal);

    public Task SendAsync(UserRef user, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Unreachable.Contains(user.UserId))
        {
            throw new UnreachableRecipientException();
        }

        _sent.Enqueue((user, reply));
        return Task.CompletedTask;
    }
}
