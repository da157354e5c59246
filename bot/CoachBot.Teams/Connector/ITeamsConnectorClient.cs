using CoachBot.Teams.Protocol;

namespace CoachBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API of one serviceUrl. Calls carry a client-credentials token (cached) unless the
/// serviceUrl is loopback in local mode; a serviceUrl never seen in a validated inbound activity gets no token.
/// 429/412/502/504 are retried with backoff and jitter; failures throw <see cref="TeamsConnectorException"/>.
/// </summary>
public interface ITeamsConnectorClient
{
    /// <summary>POST v3/conversations/{id}/activities/{replyToId}; returns the new activity id.</summary>
    Task<string?> ReplyAsync(Uri serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken);

    /// <summary>POST v3/conversations/{id}/activities; returns the new activity id.</summary>
    Task<string?> SendAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>PUT v3/conversations/{id}/activities/{activityId}.</summary>
    Task UpdateAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>POST v3/conversations: a 1:1 conversation with the user; returns its id.</summary>
    Task<string> CreatePersonalConversationAsync(Uri serviceUrl, string tenantId, string botId, string userId, CancellationToken cancellationToken);
}

/// <summary>A connector call failed; <see cref="IsPermanent"/> when the user blocked or removed the bot (403/404).</summary>
public sealed class TeamsConnectorException : Exception, CoachBot.Core.Delivery.IRecipientFailure
{
    public TeamsConnectorException()
    {
    }

    public TeamsConnectorException(string message)
        : base(message)
    {
    }

    public TeamsConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TeamsConnectorException(int statusCode, string message, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    /// <summary>The HTTP status, or 0 when the service could not be reached.</summary>
    public int StatusCode { get; }

    public bool IsPermanent => StatusCode is 403 or 404;
}
