using System.Collections.Concurrent;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Users;
using CoachBot.Testing.Fakes;

namespace CoachBot.Scheduler.Tests.Dispatch;

/// <summary>
/// The local channel's sender for dispatcher tests: hands every message to a <see cref="RecordingChannelSender"/>,
/// remembers when it was sent, and fails on demand (<see cref="FailNext"/>) before anything is recorded.
/// </summary>
public sealed class TimedChannelSender : IChannelSender
{
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private int _attempts;

    public TimedChannelSender(TimeProvider time) => _time = time;

    public string Channel => "local";

    /// <summary>What got through, in the shape the other tests know.</summary>
    public RecordingChannelSender Recorded { get; } = new();

    /// <summary>What got through, with times, oldest first.</summary>
    public IReadOnlyList<SentMessage> Messages => [.. _sent];

    /// <summary>How many sends were attempted, failed ones included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The next send throws <paramref name="failure"/> instead of sending.</summary>
    public void FailNext(Exception failure) => _failures.Enqueue(failure);

    public async Task SendAsync(UserRef user, Reply reply, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (_failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        await Recorded.SendAsync(user, reply, cancellationToken);
        _sent.Enqueue(new SentMessage(_time.GetUtcNow(), user, reply));
    }
}
