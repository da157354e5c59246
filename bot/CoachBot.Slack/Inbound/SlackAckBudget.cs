using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Runs work that Slack is waiting on: if it finishes within <see cref="Budget"/> the ack carries its result;
/// otherwise the ack goes out without it and the work carries on (to the host's shutdown) and answers later, e.g.
/// through a response_url.
/// </summary>
public sealed class SlackAckBudget
{
    /// <summary>Slack allows 3 s; this leaves room for the network.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(2500);

    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<SlackAckBudget> _logger;

    public SlackAckBudget(TimeProvider time, IHostApplicationLifetime lifetime, ILogger<SlackAckBudget> logger)
    {
        _time = time;
        _lifetime = lifetime;
        _logger = logger;
    }

    /// <summary>
    /// Starts <paramref name="work"/> (with the host's stopping token, not the request's) and returns its result when
    /// it is done in time, else null after handing <paramref name="later"/> the result once it arrives.
    /// </summary>
    public async Task<T?> RunAsync<T>(Func<CancellationToken, Task<T>> work, Func<T, CancellationToken, Task> later, CancellationToken requestAborted)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(later);
        var stopping = _lifetime.ApplicationStopping;
        var task = work(stopping);
        try
        {
            return await task.WaitAsync(Budget, _time, requestAborted);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException && !task.IsCompleted)
        {
            _ = ContinueAsync(task, later, stopping);
            return null;
        }
    }

    /// <summary>Runs <paramref name="work"/> in the background until the host stops, logging a failure.</summary>
    public void RunLater(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _ = ContinueAsync(Task.FromResult(true), (_, token) => work(token), _lifetime.ApplicationStopping);
    }

    private async Task ContinueAsync<T>(Task<T> task, Func<T, CancellationToken, Task> later, CancellationToken stopping)
    {
        try
        {
            await later(await task, stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "A Slack answer that ran past the ack could not be delivered");
        }
        catch (OperationCanceledException)
        {
        }
    }
}
