using CoachBot.Core.Delivery;
using CoachBot.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Tries kept replies (<see cref="TeamsReplyOutbox"/>) again every <see cref="TeamsOptions.ReplyRetryInterval"/>, on any
/// replica: each is claimed with a lease as long as the interval, delivered, then removed. A reply still failing for a
/// reason that may pass stays for the next sweep until <see cref="TeamsOptions.ReplyRetryWindow"/> is over.
/// </summary>
public sealed partial class TeamsReplyRetryWorker : BackgroundService
{
    private const int Batch = 50;

    private readonly IInbox _inbox;
    private readonly TeamsReplyOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly TeamsOptions _options;
    private readonly ILogger<TeamsReplyRetryWorker> _logger;

    /// <summary>Creates the worker.</summary>
    public TeamsReplyRetryWorker(
        IInbox inbox, TeamsReplyOutbox outbox, TimeProvider time, IOptions<TeamsOptions> options, ILogger<TeamsReplyRetryWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _inbox = inbox;
        _outbox = outbox;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Claims and tries every kept reply nobody holds; returns how many were delivered.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        var waiting = await _inbox.FindUnclaimedAsync(TeamsReplyOutbox.InboxChannel, Batch, cancellationToken).ConfigureAwait(false);
        CoachBotTelemetry.InboxBacklog.Record(waiting.Count, new KeyValuePair<string, object?>("queue", "teams_replies"));
        foreach (var id in waiting)
        {
            if (await TryOneAsync(id, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        return delivered;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.ReplyRetryInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await SweepAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Storage trouble: the next tick tries again.
                    LogSweepFailed(_logger, ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> TryOneAsync(string id, CancellationToken cancellationToken)
    {
        var item = await _inbox.TryClaimAsync(TeamsReplyOutbox.InboxChannel, id, _options.ReplyRetryInterval, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return false;
        }

        if (_time.GetUtcNow() - item.ReceivedAt > _options.ReplyRetryWindow || TeamsReplyOutbox.Read(item.Payload) is not { } reply)
        {
            LogGaveUp(_logger, item.Id, item.Attempts);
            await _inbox.CompleteAsync(item, cancellationToken).ConfigureAwait(false);
            return false;
        }

        try
        {
            await _outbox.DeliverAsync(reply, cancellationToken).ConfigureAwait(false);
        }
        catch (TeamsConnectorException ex) when (ex.IsWorthRetrying)
        {
            // Left claimed: the lease runs out by the next sweep, which tries again.
            LogStillFailing(_logger, item.Id, item.Attempts, ex.StatusCode);
            return false;
        }
        catch (TeamsConnectorException ex)
        {
            LogUndeliverable(_logger, item.Id, ex.StatusCode, ex.Message);
            await _inbox.CompleteAsync(item, cancellationToken).ConfigureAwait(false);
            return false;
        }

        await _inbox.CompleteAsync(item, cancellationToken).ConfigureAwait(false);
        LogDelivered(_logger, item.Id, item.Attempts);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kept Teams reply {Id} delivered on try {Attempt}")]
    private static partial void LogDelivered(ILogger logger, string id, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kept Teams reply {Id} still cannot be delivered (try {Attempt}, HTTP {Status}); trying again later")]
    private static partial void LogStillFailing(ILogger logger, string id, int attempt, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kept Teams reply {Id} cannot be delivered (HTTP {Status}): {Reason}; dropped")]
    private static partial void LogUndeliverable(ILogger logger, string id, int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on kept Teams reply {Id} after {Attempts} tries (past Teams:ReplyRetryWindow or unreadable)")]
    private static partial void LogGaveUp(ILogger logger, string id, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping kept Teams replies failed ({ErrorType}); the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, string errorType);
}
