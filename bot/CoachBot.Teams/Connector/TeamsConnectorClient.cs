using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.Resilience;
using CoachBot.Teams.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CoachBot.Teams.Connector;

/// <summary>
/// The Bot Connector v3 REST API over <see cref="IHttpClientFactory"/>; retries are the named client's resilience
/// pipeline (<see cref="TeamsConnectorServiceCollectionExtensions.AddTeamsConnectorHttpClient"/>).
/// </summary>
public sealed partial class TeamsConnectorClient : ITeamsConnectorClient
{
    /// <summary>The named HttpClient the client uses.</summary>
    public const string HttpClientName = "CoachBot.Teams.Connector";

    private readonly IHttpClientFactory _httpClients;
    private readonly ITeamsAccessTokenProvider _tokens;
    private readonly TeamsServiceUrlTrust _trust;
    private readonly TeamsOptions _options;
    private readonly ILogger<TeamsConnectorClient> _logger;

    /// <summary>Creates the client.</summary>
    public TeamsConnectorClient(
        IHttpClientFactory httpClients,
        ITeamsAccessTokenProvider tokens,
        TeamsServiceUrlTrust trust,
        IOptions<TeamsOptions> options,
        ILogger<TeamsConnectorClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClients = httpClients;
        _tokens = tokens;
        _trust = trust;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task<string?> ReplyAsync(
        Uri serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(replyToId);
        var path = $"{ActivitiesPath(conversationId)}/{Uri.EscapeDataString(replyToId)}";
        return CallForIdAsync(HttpMethod.Post, serviceUrl, path, activity, cancellationToken);
    }

    /// <inheritdoc />
    public Task<string?> SendAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        CallForIdAsync(HttpMethod.Post, serviceUrl, ActivitiesPath(conversationId), activity, cancellationToken);

    /// <inheritdoc />
    public async Task UpdateAsync(
        Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        var path = $"{ActivitiesPath(conversationId)}/{Uri.EscapeDataString(activityId)}";
        await CallForIdAsync(HttpMethod.Put, serviceUrl, path, activity, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string> CreatePersonalConversationAsync(
        Uri serviceUrl, string tenantId, string botId, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["isGroup"] = false,
            ["tenantId"] = tenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        var id = await CallForIdAsync(HttpMethod.Post, serviceUrl, "v3/conversations", body, cancellationToken)
            .ConfigureAwait(false);
        return id ?? throw new TeamsConnectorException(0, "The Bot Connector created a conversation but returned no id.");
    }

    private static string ActivitiesPath(string conversationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        return $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
    }

    /// <inheritdoc />
    public async Task<TeamsMemberPage> GetPagedMembersAsync(
        Uri serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/pagedmembers?pageSize={pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            + (string.IsNullOrEmpty(continuationToken) ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(continuationToken));
        var node = await CallAsync<object?>(HttpMethod.Get, serviceUrl, path, null, cancellationToken).ConfigureAwait(false);
        return TeamsMemberPage.Read(node);
    }

    private async Task<string?> CallForIdAsync<T>(
        HttpMethod method, Uri serviceUrl, string path, T body, CancellationToken cancellationToken) =>
        await CallAsync(method, serviceUrl, path, body, cancellationToken).ConfigureAwait(false) is JsonObject obj
        && obj["id"] is JsonValue id && id.TryGetValue<string>(out var value)
            ? value
            : null;

    /// <summary>One call (the pipeline retries it); the JSON answer, or null when it had none.</summary>
    private async Task<JsonNode?> CallAsync<T>(
        HttpMethod method, Uri serviceUrl, string path, T body, CancellationToken cancellationToken)
    {
        var attachToken = CheckServiceUrl(serviceUrl);
        var target = new Uri(new Uri(serviceUrl.AbsoluteUri.TrimEnd('/') + "/"), path);
        var client = _httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(method, target);
        if (method != HttpMethod.Get)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, TeamsJson.Options), System.Text.Encoding.UTF8, "application/json");
        }

        // A POST creates an activity and carries no idempotency key: retried only when the connector said it failed.
        request.Options.Set(PlatformResilience.RetryOnlyAnsweredFailures, method == HttpMethod.Post);
        if (attachToken)
        {
            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            // The client's pipeline retries 408, 429, 5xx and connection failures (ADR 0029).
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AttemptBudgetExhaustedException ex)
        {
            throw new TeamsConnectorException(0, ex.Message, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TeamsConnectorException(
                0, $"Could not reach the Bot Connector at {serviceUrl.Host}: {ex.HttpRequestError}. Check the network.", ex);
        }
        catch (Exception ex) when (ex is ExecutionRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TeamsConnectorException(
                0, $"The Bot Connector at {serviceUrl.Host} did not answer in time or is failing ({ex.GetType().Name}); the send is tried again later.", ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
            }

            LogFailure(_logger, status, serviceUrl.Host);
            throw new TeamsConnectorException(status, Describe(status, method, serviceUrl));
        }
    }

    /// <summary>True when a token is attached; throws when the serviceUrl may not be called at all.</summary>
    private bool CheckServiceUrl(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (!serviceUrl.IsAbsoluteUri || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new TeamsConnectorException(0, "The Teams serviceUrl must be an absolute http(s) URL.") { IsRefused = true };
        }

        var loopback = TeamsServiceUrlTrust.IsLoopback(serviceUrl);
        if (!loopback && serviceUrl.Scheme != Uri.UriSchemeHttps)
        {
            throw new TeamsConnectorException(
                0, $"Refusing to call {serviceUrl.Host} over plain http: Bot Connector serviceUrls must use https.") { IsRefused = true };
        }

        if (!_options.HasAppId)
        {
            return loopback
                ? false
                : throw new TeamsConnectorException(
                    0, $"Cannot call {serviceUrl.Host} without credentials: set Teams:AppId and Teams:AppPassword (local mode only reaches loopback).") { IsRefused = true };
        }

        if (!_trust.IsAllowedHost(serviceUrl))
        {
            throw new TeamsConnectorException(0, "Refusing to call a Teams serviceUrl: " + _trust.DescribeRefusal(serviceUrl)) { IsRefused = true };
        }

        if (!_trust.IsTrusted(serviceUrl))
        {
            throw new TeamsConnectorException(
                0,
                $"Refusing to send a token to {serviceUrl.Host}: the serviceUrl was never seen in a validated Teams activity. The user must talk to the bot first.")
            {
                IsRefused = true,
            };
        }

        return true;
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<JsonNode>(TeamsJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(int status, HttpMethod method, Uri serviceUrl) => status switch
    {
        403 when method == HttpMethod.Get => $"The Bot Connector at {serviceUrl.Host} answered 403: the bot is no longer in that team or conversation.",
        403 => $"The Bot Connector at {serviceUrl.Host} answered 403: the user blocked or uninstalled the bot.",
        404 => $"The Bot Connector at {serviceUrl.Host} answered 404: the conversation or activity no longer exists.",
        401 => $"The Bot Connector at {serviceUrl.Host} answered 401: check Teams:AppId, Teams:AppPassword and Teams:TenantId.",
        _ => $"The Bot Connector at {serviceUrl.Host} answered {status} to {method}.",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector answered {Status} at {Host}")]
    private static partial void LogFailure(ILogger logger, int status, string host);
}
