using System.Text.Json;
using CoachBot.Core.Delivery;
using Microsoft.Extensions.Logging;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Delivers the replies of a turn. A reply that cannot be delivered now because the connector or the Entra token
/// endpoint is down is kept in the durable inbox (channel <see cref="InboxChannel"/>) for
/// <see cref="TeamsReplyRetryWorker"/>, so the HTTP request still answers 200 for the turn it did, and the user gets
/// the answer once the service is back. Teams' own retry of the activity would be dropped as a duplicate, so
/// failing the request instead would lose the reply.
/// </summary>
public sealed partial class TeamsReplyOutbox
{
    /// <summary>The inbox channel holding undelivered replies.</summary>
    public const string InboxChannel = "msteams-reply";

    private const string Kind = "reply";

    private readonly ITeamsConnectorClient _connector;
    private readonly IInbox _inbox;
    private readonly ILogger<TeamsReplyOutbox> _logger;

    /// <summary>Creates the outbox.</summary>
    public TeamsReplyOutbox(ITeamsConnectorClient connector, IInbox inbox, ILogger<TeamsReplyOutbox> logger)
    {
        _connector = connector;
        _inbox = inbox;
        _logger = logger;
    }

    /// <summary>Sends the reply now, or keeps it for a later try when that may help; never throws for a failed send.</summary>
    public async Task SendOrKeepAsync(TeamsPendingReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        try
        {
            await DeliverAsync(reply, cancellationToken).ConfigureAwait(false);
        }
        catch (TeamsConnectorException ex) when (ex.IsWorthRetrying)
        {
            LogKept(_logger, ex.StatusCode, ex.Message);
            await KeepAsync(reply, cancellationToken).ConfigureAwait(false);
        }
        catch (TeamsConnectorException ex)
        {
            LogUndeliverable(_logger, ex.StatusCode, ex.Message);
        }
    }

    /// <summary>One delivery attempt (the connector client retries throttling itself); throws on failure.</summary>
    public Task DeliverAsync(TeamsPendingReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var serviceUrl = new Uri(reply.ServiceUrl);
        return reply.ReplyToId is { Length: > 0 } replyTo
            ? _connector.ReplyAsync(serviceUrl, reply.ConversationId, replyTo, reply.Activity, cancellationToken)
            : _connector.SendAsync(serviceUrl, reply.ConversationId, reply.Activity, cancellationToken);
    }

    /// <summary>Reads a kept reply back; null when the payload is not one.</summary>
    public static TeamsPendingReply? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<TeamsPendingReply>(payload, Protocol.TeamsJson.Options) is { ServiceUrl: not null, ConversationId: not null, Activity: not null } reply
                ? reply
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task KeepAsync(TeamsPendingReply reply, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(reply, Protocol.TeamsJson.Options);
        if (payload.Length > _inbox.MaxPayloadLength)
        {
            LogTooLarge(_logger, payload.Length);
            return;
        }

        try
        {
            await _inbox.TryEnqueueAsync(InboxChannel, Guid.NewGuid().ToString("N"), Kind, payload, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotKept(_logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Teams reply could not be delivered now (HTTP {Status}: {Reason}); kept for a later try")]
    private static partial void LogKept(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Teams reply cannot be delivered (HTTP {Status}): {Reason}")]
    private static partial void LogUndeliverable(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Teams reply of {Length} characters is too large to keep for a later try; it is lost")]
    private static partial void LogTooLarge(ILogger logger, int length);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Teams reply could not be delivered nor kept for a later try ({ErrorType}); it is lost")]
    private static partial void LogNotKept(ILogger logger, string errorType);
}
