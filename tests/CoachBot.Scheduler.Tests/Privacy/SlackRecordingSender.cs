using System.Collections.Concurrent;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Tests.Privacy;

/// <summary>
/// A sender for the Slack channel that keeps what it sent and can run a step in the middle of a send (after the
/// ledger row was written, before the send returns): the moment a `forget me` on another replica can land.
/// </summary>
public sealed class SlackRecordingSender : IChannelSender
{
    private readonly ConcurrentQueue<(UserRef User, Reply Reply)> _sent = new();

    public string Channel => "slack";

    /// <summary>Everything sent, oldest first.</summary>
    public IReadOnlyList<(UserRef User, Reply Reply)> Messages => [.. _sent];

    /// <summary>Runs once, inside the next send to anyone.</summary>
    public Func<UserRef, Task>? DuringNextSend { get; set; }

    public async Task SendAsync(UserRef user, Reply reply, CancellationToken cancellationToken)
    {
        if (DuringNextSend is { } step)
        {
            DuringNextSend = null;
            await step(user);
        }

        _sent.Enqueue((user, reply));
    }
}
