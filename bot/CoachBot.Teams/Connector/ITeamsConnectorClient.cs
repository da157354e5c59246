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

    /// <summary>
    /// GET v3/conversations/{id}/pagedmembers: one page of a team's (or channel's) roster; follow
    /// <see cref="TeamsMemberPage.ContinuationToken"/> until it is null.
    /// </summary>
    Task<TeamsMemberPage> GetPagedMembersAsync(Uri serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken);
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

    /// <summary>True when CoachBot itself refused the call (a serviceUrl it may not reach): trying again cannot help.</summary>
    public bool IsRefused { get; init; }

    /// <summary>
    /// True when the same send may succeed later: the connector or the token endpoint could not be reached, was
    /// throttled or failed on its side, or refused the bot's credentials (fixable by the operator).
    /// </summary>
    public bool IsWorthRetrying => !IsRefused && StatusCode is 0 or 401 or 408 or 412 or 429 or >= 500;

    public bool IsPermanent => StatusCode is 403 or 404;
}
