using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CoachBot.Slack.Inbound;

namespace CoachBot.Slack.Tests.SocketMode;

/// <summary>Records every dispatch; answers with the configured acks; throws for events whose event_id is "boom".</summary>
internal sealed class RecordingDispatcher : ISlackInboundDispatcher
{
    public ConcurrentQueue<JsonObject> Events { get; } = new();

    public ConcurrentQueue<JsonObject> Interactions { get; } = new();

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Commands { get; } = new();

    public SlackAck CommandAck { get; set; } = SlackAck.Empty;

    public SlackAck InteractionAck { get; set; } = SlackAck.Empty;

    public Task<SlackAck> DispatchEventAsync(JsonObject body, CancellationToken cancellationToken)
    {
        if (body["event_id"]?.GetValue<string>() == "boom")
        {
            throw new InvalidOperationException("hand-off failed");
        }

        Events.Enqueue(body);
        return Task.FromResult(SlackAck.Empty);
    }

    public Task<SlackAck> DispatchCommandAsync(IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        Commands.Enqueue(form);
        return Task.FromResult(CommandAck);
    }

    public Task<SlackAck> DispatchInteractionAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        Interactions.Enqueue(payload);
        return Task.FromResult(InteractionAck);
    }
}
