namespace CoachBot.Slack.Api;

/// <summary>
/// A Web API call failed: Slack answered <c>ok:false</c> (<see cref="Error"/> is Slack's code, e.g.
/// <c>channel_not_found</c>), kept answering 429, or could not be reached. Never carries a token.
/// </summary>
public sealed class SlackApiException : Exception, CoachBot.Core.Delivery.IRecipientFailure
{
    public SlackApiException()
    {
    }

    public SlackApiException(string message)
        : base(message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackApiException(string method, string error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Method = method;
        Error = error;
    }

    /// <summary>The Web API method, e.g. chat.postMessage.</summary>
    public string? Method { get; }

    /// <summary>Slack's error code, or <c>ratelimited</c> / <c>http_503</c> / <c>unreachable</c> for transport failures.</summary>
    public string? Error { get; }

    /// <summary>
    /// True when Slack may or may not have applied the call: it answered 5xx, or the answer never came (timeout,
    /// dropped connection). Slack has no idempotency key, so a post must be checked before it is sent again.
    /// </summary>
    public bool IsAmbiguous => Error is "unreachable" || (Error?.StartsWith("http_5", StringComparison.Ordinal) ?? false);

    /// <summary>True when the installation is gone or the user can no longer be reached: stop sending to them.</summary>
    public bool IsPermanent => Error is "account_inactive" or "token_revoked" or "invalid_auth" or "not_authed"
        or "user_not_found" or "channel_not_found" or "is_archived" or "cannot_dm_bot" or "no_installation";
}
