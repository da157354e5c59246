using System.Collections.Frozen;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Reflections;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduler.Dispatch;

/// <summary>
/// Routes a scheduled message to the sender of the person's platform, at most
/// <see cref="SchedulerOptions.ChannelConcurrency"/> at once per platform, retrying transient failures with
/// exponential backoff and jitter. Failures come out as <see cref="DeliveryFailedException"/>.
/// </summary>
public sealed class ChannelSenders
{
    private readonly FrozenDictionary<string, IChannelSender> _senders;
    private readonly FrozenDictionary<string, ITeamChannelPoster> _posters;
    private readonly FrozenDictionary<string, IHomeSurface> _homes;
    private readonly FrozenDictionary<string, SemaphoreSlim> _limits;
    private readonly SchedulerOptions _options;
    private readonly TimeProvider _time;

    public ChannelSenders(
        IEnumerable<IChannelSender> senders,
        IEnumerable<ITeamChannelPoster> posters,
        IEnumerable<IHomeSurface> homes,
        IOptions<SchedulerOptions> options,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _senders = senders.GroupBy(s => s.Channel, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _posters = posters.GroupBy(s => s.Channel, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _homes = homes.GroupBy(s => s.Channel, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _limits = _senders.Keys.ToFrozenDictionary(
            c => c,
            c => new SemaphoreSlim(_options.ChannelConcurrency.GetValueOrDefault(c, _options.MaxParallelSends)),
            StringComparer.Ordinal);
    }

    /// <summary>True when this replica can send to people on <paramref name="channel"/>.</summary>
    public bool CanSend(string channel) => _senders.ContainsKey(channel);

    /// <summary>The platform's home surface, or null when it has none (or none is configured here).</summary>
    public IHomeSurface? Home(string channel) => _homes.GetValueOrDefault(channel);

    /// <summary>True when this replica can post in channels of <paramref name="platform"/>.</summary>
    public bool CanPost(string platform) => _posters.ContainsKey(platform);

    /// <summary>Sends to the user's direct conversation.</summary>
    /// <exception cref="DeliveryFailedException">It did not get through.</exception>
    public Task SendAsync(UserRef user, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!_senders.TryGetValue(user.Channel, out var sender))
        {
            throw new DeliveryFailedException($"No sender for '{user.Channel}' is configured on this replica.", isPermanent: false, null);
        }

        return WithRetriesAsync(user.Channel, token => sender.SendAsync(user, reply, token), cancellationToken);
    }

    /// <summary>Posts in a team's channel.</summary>
    /// <exception cref="DeliveryFailedException">It did not get through.</exception>
    public Task PostAsync(TeamChannel channel, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!_posters.TryGetValue(channel.Channel, out var poster))
        {
            throw new DeliveryFailedException($"No channel poster for '{channel.Channel}' is configured on this replica.", isPermanent: false, null);
        }

        return WithRetriesAsync(channel.Channel, token => poster.PostAsync(channel, reply, token), cancellationToken);
    }

    private async Task WithRetriesAsync(string channel, Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var limit = _limits.GetValueOrDefault(channel);
        for (var attempt = 1; ; attempt++)
        {
            if (limit is not null)
            {
                await limit.WaitAsync(cancellationToken);
            }

            try
            {
                await send(cancellationToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var permanent = e is IRecipientFailure { IsPermanent: true };
                if (permanent || attempt >= _options.SendAttempts || !IsTransient(e))
                {
                    throw new DeliveryFailedException(
                        $"Sending to {channel} failed after {attempt} attempt(s): {e.GetType().Name}.", permanent, e);
                }
            }
            finally
            {
                limit?.Release();
            }

            await Task.Delay(Backoff(_options.RetryDelay, attempt), _time, cancellationToken);
        }
    }

    /// <summary>Everything but a bug in our own code is worth another try: the platform's refusals that are not
    /// permanent (rate limits, 5xx), network failures, timeouts and storage outages.</summary>
    private static bool IsTransient(Exception e) =>
        e is IRecipientFailure or HttpRequestException or TimeoutException or IOException or StoreUnavailableException or OperationCanceledException;

    /// <summary><paramref name="first"/> doubled per attempt, plus up to a quarter of random jitter.</summary>
    public static TimeSpan Backoff(TimeSpan first, int attempt)
    {
        var delay = first * Math.Pow(2, Math.Min(attempt - 1, 10));
        return delay + (delay * (Random.Shared.NextDouble() / 4));
    }
}
