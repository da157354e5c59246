using System.Collections.Frozen;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Reflections;
using CoachBot.Core.Resilience;
using CoachBot.Core.Users;
using Microsoft.Extensions.Options;

namespace CoachBot.Scheduler.Dispatch;

/// <summary>
/// Routes a scheduled message to the sender of the person's platform, at most
/// <see cref="SchedulerOptions.ChannelConcurrency"/> at once per platform. Each send is one try here, under an
/// <see cref="AttemptBudget"/> of <see cref="SchedulerOptions.MaxAttemptsPerDelivery"/> HTTP attempts that the
/// platform's HTTP pipeline retries within (the only layer that retries inside a claim; ADR 0029). Failures come out
/// as <see cref="DeliveryFailedException"/>, and the dispatcher releases the row for a later run.
/// </summary>
public sealed class ChannelSenders
{
    private readonly FrozenDictionary<string, IChannelSender> _senders;
    private readonly FrozenDictionary<string, ITeamChannelPoster> _posters;
    private readonly FrozenDictionary<string, IHomeSurface> _homes;
    private readonly FrozenDictionary<string, SemaphoreSlim> _limits;
    private readonly SchedulerOptions _options;

    public ChannelSenders(
        IEnumerable<IChannelSender> senders,
        IEnumerable<ITeamChannelPoster> posters,
        IEnumerable<IHomeSurface> homes,
        IOptions<SchedulerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
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

        return SendWithinBudgetAsync(user.Channel, token => sender.SendAsync(user, reply, token), cancellationToken);
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

        return SendWithinBudgetAsync(channel.Channel, token => poster.PostAsync(channel, reply, token), cancellationToken);
    }

    private async Task SendWithinBudgetAsync(string channel, Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var limit = _limits.GetValueOrDefault(channel);
        if (limit is not null)
        {
            await limit.WaitAsync(cancellationToken);
        }

        using var budget = AttemptBudget.Begin(_options.MaxAttemptsPerDelivery);
        try
        {
            await send(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var permanent = e is IRecipientFailure { IsPermanent: true };
            throw new DeliveryFailedException(
                $"Sending to {channel} failed after {budget.Budget.Used} of {budget.Budget.Limit} HTTP attempt(s): {e.GetType().Name}.", permanent, e);
        }
        finally
        {
            limit?.Release();
        }
    }

    /// <summary><paramref name="first"/> doubled per attempt, plus up to a quarter of random jitter.</summary>
    public static TimeSpan Backoff(TimeSpan first, int attempt)
    {
        var delay = first * Math.Pow(2, Math.Min(attempt - 1, 10));
        return delay + (delay * (Random.Shared.NextDouble() / 4));
    }
}
