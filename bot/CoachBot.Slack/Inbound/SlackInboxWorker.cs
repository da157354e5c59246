using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.Delivery;
using CoachBot.Core.Telemetry;
using CoachBot.Slack.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Processes Slack items from the durable inbox: at once for items enqueued on this replica, and by a periodic sweep
/// for items whose worker died (their lease expired) or that another replica never got to. Each item is claimed with
/// an ETag-conditional lease, owned in the ledger, handled (with a few quick rounds for passing failures), then
/// removed; a failure leaves it for a later try, up to <see cref="MaxAttempts"/>. See ADR 0018.
/// </summary>
public sealed class SlackInboxWorker : BackgroundService
{
    /// <summary>How long a claim lasts before another worker may take the item over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private const int MaxAttempts = 5;

    /// <summary>Rounds of handling per claim; with the delays below they stay far inside the lease.</summary>
    private const int RoundsPerClaim = 3;

    private static readonly TimeSpan FirstRoundDelay = TimeSpan.FromSeconds(1);
    private const int Parallelism = 8;

    private readonly IInbox _inbox;
    private readonly SlackInboxSignal _signal;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackInboxWorker> _logger;
    private readonly SemaphoreSlim _slots = new(Parallelism);

    private readonly TimeSpan _sweepEvery;

    public SlackInboxWorker(
        IInbox inbox, SlackInboxSignal signal, IServiceProvider services, TimeProvider time, IOptions<SlackOptions> options, ILogger<SlackInboxWorker> logger)
    {
        _sweepEvery = options.Value.InboxSweepInterval;
        _inbox = inbox;
        _signal = signal;
        _services = services;
        _time = time;
        _logger = logger;
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeper = SweepLoopAsync(stoppingToken);
        try
        {
            await foreach (var id in _signal.Reader.ReadAllAsync(stoppingToken))
            {
                await StartAsync(id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await sweeper;
    }

    /// <summary>Claims and processes one item now (tests and the sweep call this too).</summary>
    internal async Task ProcessAsync(string id, CancellationToken cancellationToken)
    {
        InboundItem? item;
        try
        {
            item = await _inbox.TryClaimAsync(SlackInboundDispatcher.InboxChannel, id, Lease, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not claim Slack item {Id}; the sweep will try again", id);
            return;
        }

        if (item is null)
        {
            return;
        }

        try
        {
            if (item.Attempts > MaxAttempts)
            {
                _logger.LogError("Gave up on Slack {Kind} {Id} after {Attempts} attempts", item.Kind, item.Id, item.Attempts - 1);
            }
            else
            {
                await HandleAsync(item, cancellationToken);
            }

            await _inbox.CompleteAsync(item, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Left in the inbox: the lease runs out and the sweep (here or on another replica) tries again.
            _logger.LogWarning(ex, "Slack {Kind} {Id} failed on attempt {Attempt}; it will be retried", item.Kind, item.Id, item.Attempts);
        }
    }

    /// <summary>
    /// Handles the item, trying again here (still within the lease) when a step fails for a passing reason, so a
    /// storage blip or a Slack 5xx costs seconds, not a lease. Every round after the first is marked resumed: posts
    /// look for their own earlier copy first.
    /// </summary>
    private async Task HandleAsync(InboundItem item, CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                await HandleOnceAsync(item, resumed: item.Attempts > 1 || round > 1, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && round < RoundsPerClaim && !IsPermanent(ex))
            {
                var delay = FirstRoundDelay * round;
                _logger.LogWarning(
                    ex, "Slack {Kind} {Id} failed in round {Round} of attempt {Attempt}; trying again in {Seconds} s",
                    item.Kind, item.Id, round, item.Attempts, delay.TotalSeconds);
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
    }

    private async Task HandleOnceAsync(InboundItem item, bool resumed, CancellationToken cancellationToken)
    {
        if (Parse(item.Payload) is not { } body)
        {
            _logger.LogWarning("Dropped Slack item {Id}: its payload is not a usable JSON object", item.Id);
            return;
        }

        // The ledger row names the inbox item that owns the event (its arrival time is fixed for the item's life),
        // not "done": a retry of the same item finds its own row and finishes the work, while a copy Slack sends
        // after the item was completed finds another owner and is dropped.
        var ledger = _services.GetRequiredService<IDeliveryLedger>();
        var holder = "inbox:" + item.ReceivedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
        if (await ledger.RecordAsync(null, $"slack:{item.Kind}:{item.Id}", holder, cancellationToken) == LedgerRecord.Taken)
        {
            _logger.LogInformation("Slack {Kind} {Id} was already handled; skipped", item.Kind, item.Id);
            return;
        }

        if (SlackPayload.Child(body, "event") is not { } slackEvent)
        {
            return;
        }

        var type = SlackPayload.Text(slackEvent, "type") ?? string.Empty;
        // The envelope's enterprise_id, not authorizations[0]: Slack truncates that list to one installation that can
        // see the event, not necessarily this workspace's. An odd id is dropped (the turn then stays in its workspace).
        var team = new SlackTeam(SlackPayload.Text(body, "team_id") ?? string.Empty, SlackPayload.Id(body, "enterprise_id"));
        var subscriber = _services.GetServices<ISlackEventSubscriber>().FirstOrDefault(s => s.EventType == type);
        if (subscriber is null)
        {
            _logger.LogInformation("No handler for Slack event type {Type}; ignored", type);
            return;
        }

        var sentAt = body["event_time"] is JsonValue time && time.TryGetValue<long>(out var seconds) && seconds > 0
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        await subscriber.HandleAsync(new SlackEvent(team, item.Id, type, slackEvent) { Resumed = resumed, SentAt = sentAt }, cancellationToken);
    }

    /// <summary>Failures another round cannot fix: the workspace or user is gone.</summary>
    private static bool IsPermanent(Exception ex) => ex is SlackApiException { IsPermanent: true };

    private static JsonObject? Parse(string payload)
    {
        try
        {
            return JsonNode.Parse(payload) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task StartAsync(string id, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await ProcessAsync(id, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }
                finally
                {
                    _slots.Release();
                }
            },
            CancellationToken.None);
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_sweepEvery, _time, stoppingToken);
                var waiting = await _inbox.FindUnclaimedAsync(SlackInboundDispatcher.InboxChannel, 100, stoppingToken);
                CoachBotTelemetry.InboxBacklog.Record(waiting.Count, new KeyValuePair<string, object?>("queue", "slack_inbox"));
                foreach (var id in waiting)
                {
                    await StartAsync(id, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "The Slack inbox sweep failed; it runs again in {Seconds} s", _sweepEvery.TotalSeconds);
            }
        }
    }
}
