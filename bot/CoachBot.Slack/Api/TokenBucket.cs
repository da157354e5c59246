namespace CoachBot.Slack.Api;

/// <summary>
/// A token bucket refilled from outside (by <see cref="SlackRateLimits"/>' timer on the injected
/// <see cref="TimeProvider"/>), with a first-in first-out queue of waiters. System.Threading.RateLimiting's token
/// bucket reads the real clock even when replenished by hand, so it cannot follow a test clock; this one can.
/// </summary>
internal sealed class TokenBucket(SlackRateLimits.BucketSize size, int queueLimit)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private int _tokens = size.TokenLimit;

    public SlackRateLimits.BucketSize Size => size;

    /// <summary>True when the bucket is full and nobody waits: it can be dropped without losing anything.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _tokens >= size.TokenLimit && _waiters.Count == 0;
            }
        }
    }

    /// <summary>Takes a token, waiting for a refill if none is left. False when the queue is full.</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_gate)
        {
            if (_waiters.Count == 0 && _tokens > 0)
            {
                _tokens--;
                return true;
            }

            if (_waiters.Count >= queueLimit)
            {
                return false;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        await using (cancellationToken.Register(() => Abandon(node, cancellationToken)))
        {
            await waiter.Task;
        }

        return true;
    }

    /// <summary>Adds a refill's tokens (up to the limit) and hands them to waiters in arrival order.</summary>
    public void Refill()
    {
        lock (_gate)
        {
            _tokens = Math.Min(size.TokenLimit, _tokens + size.TokensPerRefill);
            while (_tokens > 0 && _waiters.First is { } first)
            {
                _waiters.RemoveFirst();
                _tokens--;
                first.Value.TrySetResult();
            }
        }
    }

    /// <summary>Fails every waiter (the limits are being disposed).</summary>
    public void Close()
    {
        lock (_gate)
        {
            foreach (var waiter in _waiters)
            {
                waiter.TrySetException(new ObjectDisposedException(nameof(SlackRateLimits)));
            }

            _waiters.Clear();
        }
    }

    private void Abandon(LinkedListNode<TaskCompletionSource> node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (node.List is null)
            {
                return; // Already given a token.
            }

            _waiters.Remove(node);
        }

        node.Value.TrySetCanceled(cancellationToken);
    }
}
