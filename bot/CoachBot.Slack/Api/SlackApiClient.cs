using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Api;

/// <summary>
/// The Slack Web API over <see cref="IHttpClientFactory"/> (client <see cref="HttpClientName"/>). Register it with
/// <see cref="SlackApiServiceCollectionExtensions.AddSlackApiClient"/>; one instance per process so the local rate
/// limits are shared.
/// </summary>
public sealed class SlackApiClient : ISlackApiClient, IDisposable
{
    /// <summary>The name of the HttpClient the client uses.</summary>
    public const string HttpClientName = SlackApiTransport.HttpClientName;

    private readonly SlackRateLimits _limits;
    private readonly SlackApiCaller _caller;

    public SlackApiClient(
        IHttpClientFactory httpClients,
        IOptions<SlackOptions> options,
        ISlackTokenSource tokens,
        TimeProvider time,
        ILogger<SlackApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _limits = new SlackRateLimits(time, options.Value.Replicas);
        var transport = new SlackApiTransport(httpClients, _limits, time, logger);
        _caller = new SlackApiCaller(transport, tokens, options);
        Chat = new SlackChatApi(_caller);
        Conversations = new SlackConversationsApi(_caller);
        Users = new SlackUsersApi(_caller);
        Views = new SlackViewsApi(_caller);
        OAuthV2 = new SlackOAuthApi(_caller);
        AppsConnections = new SlackAppsConnectionsApi(_caller);
        Files = new SlackFilesApi(_caller);
    }

    public ISlackChatApi Chat { get; }

    public ISlackConversationsApi Conversations { get; }

    public ISlackUsersApi Users { get; }

    public ISlackViewsApi Views { get; }

    public ISlackOAuthApi OAuthV2 { get; }

    public ISlackAppsConnectionsApi AppsConnections { get; }

    public ISlackFilesApi Files { get; }

    public Task RespondAsync(Uri responseUrl, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new ResponseBody(
            message.Text,
            message.Blocks,
            message.ResponseType,
            message.ReplaceOriginal ? true : null,
            message.ThreadTs);
        return _caller.RespondAsync(responseUrl, body, cancellationToken);
    }

    public void Dispose() => _limits.Dispose();

    /// <summary>A response_url body: no channel (the URL decides it).</summary>
    private sealed record ResponseBody(string Text, JsonArray? Blocks, string? ResponseType, bool? ReplaceOriginal, string? ThreadTs);
}
