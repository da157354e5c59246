using System.Net.Http.Headers;

namespace CoachBot.Slack.Api;

/// <summary>One Web API call as the transport sends it.</summary>
/// <param name="Method">The Web API method (or <c>response_url</c>), for logs, limits and errors.</param>
/// <param name="Url">Where to POST.</param>
/// <param name="TeamLabel">The team id (or <c>app</c>) for logs; never a token.</param>
/// <param name="Authorization">The Authorization header, or null for response_url posts.</param>
/// <param name="Content">Builds the body (once per call; the HTTP pipeline resends it on a retry).</param>
internal sealed record SlackRequest(
    string Method,
    Uri Url,
    string TeamLabel,
    AuthenticationHeaderValue? Authorization,
    Func<HttpContent?> Content)
{
    /// <summary>The key of the local (team, method) limiter, or null to skip local limiting.</summary>
    public string? LimiterTeam { get; init; }

    /// <summary>The channel posted to, for the per-channel limiter.</summary>
    public string? Channel { get; init; }

    /// <summary>
    /// False for calls that must not be sent twice blindly (chat.postMessage): a 5xx or a lost answer is thrown at
    /// once as <see cref="SlackApiException.IsAmbiguous"/>, and the caller finds out whether it took effect.
    /// </summary>
    public bool RetryAmbiguous { get; init; } = true;

    /// <summary>True for Web API methods: the answer must be JSON with <c>ok:true</c>.</summary>
    public bool RequiresOkEnvelope { get; init; } = true;

    /// <summary>Never shows the Authorization header.</summary>
    public override string ToString() => $"SlackRequest {{ Method = {Method}, Team = {TeamLabel} }}";
}
