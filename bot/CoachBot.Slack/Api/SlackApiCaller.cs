using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Api;

/// <summary>Builds the requests of the sub-APIs: the URL, the token and the body (JSON or form).</summary>
internal sealed class SlackApiCaller(SlackApiTransport transport, ISlackTokenSource tokens, IOptions<SlackOptions> options)
{
    /// <summary>The log label of calls made with the app's own credentials rather than a team's.</summary>
    public const string AppLabel = "app";

    public SlackOptions Options => options.Value;

    /// <summary>A team call with a JSON body, using the team's bot token.</summary>
    public Task<JsonObject> TeamJsonAsync(
        SlackTeam team, string method, object body, string? channel, CancellationToken cancellationToken) =>
        TeamJsonAsync(team, method, body, channel, retryAmbiguous: true, cancellationToken);

    /// <summary>
    /// A team call with a JSON body; with <paramref name="retryAmbiguous"/> false a 5xx or lost answer is thrown at
    /// once (see <see cref="SlackRequest.RetryAmbiguous"/>).
    /// </summary>
    public async Task<JsonObject> TeamJsonAsync(
        SlackTeam team, string method, object body, string? channel, bool retryAmbiguous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var auth = await BotAuthorizationAsync(team, method, cancellationToken);
        var json = JsonSerializer.Serialize(body, body.GetType(), SlackJson.Options);
        var request = new SlackRequest(method, MethodUrl(method), team.TenantId, auth, () => Json(json))
        {
            LimiterTeam = team.TenantId,
            Channel = channel,
            RetryAmbiguous = retryAmbiguous,
        };
        return await transport.SendAsync(request, cancellationToken);
    }

    /// <summary>A team call with a form body, using the team's bot token.</summary>
    public async Task<JsonObject> TeamFormAsync(
        SlackTeam team, string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var auth = await BotAuthorizationAsync(team, method, cancellationToken);
        var request = new SlackRequest(method, MethodUrl(method), team.TenantId, auth, () => new FormUrlEncodedContent(fields))
        {
            LimiterTeam = team.TenantId,
        };
        return await transport.SendAsync(request, cancellationToken);
    }

    /// <summary>A call with the app's own credentials (client id and secret, or the app-level token).</summary>
    public Task<JsonObject> AppAsync(
        string method, AuthenticationHeaderValue authorization, Func<HttpContent?> content, bool limited, CancellationToken cancellationToken)
    {
        var request = new SlackRequest(method, MethodUrl(method), AppLabel, authorization, content)
        {
            LimiterTeam = limited ? AppLabel : null,
        };
        return transport.SendAsync(request, cancellationToken);
    }

    /// <summary>A post to a response_url: JSON, no token, no local limit.</summary>
    public Task RespondAsync(Uri responseUrl, object body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        var json = JsonSerializer.Serialize(body, body.GetType(), SlackJson.Options);
        var request = new SlackRequest("response_url", responseUrl, AppLabel, null, () => Json(json))
        {
            RequiresOkEnvelope = false,
        };
        return transport.SendAsync(request, cancellationToken);
    }

    /// <summary>Sends file bytes to an upload URL Slack handed out: no token, no JSON answer expected.</summary>
    public Task UploadAsync(Uri uploadUrl, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploadUrl);
        var request = new SlackRequest("files.upload_url", uploadUrl, AppLabel, null, () => new ReadOnlyMemoryContent(content))
        {
            RequiresOkEnvelope = false,
        };
        return transport.SendAsync(request, cancellationToken);
    }

    private async Task<AuthenticationHeaderValue> BotAuthorizationAsync(
        SlackTeam team, string method, CancellationToken cancellationToken)
    {
        var token = await tokens.GetBotTokenAsync(team, cancellationToken);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new SlackApiException(
                method,
                "no_installation",
                $"CoachBot is not installed in Slack team {team.TenantId}; install the app in that workspace (or set Slack:BotToken for a single workspace).");
        }

        return new AuthenticationHeaderValue("Bearer", token);
    }

    private Uri MethodUrl(string method)
    {
        var baseUrl = options.Value.ApiBaseUrl;
        var text = baseUrl.OriginalString;
        return text.EndsWith('/') ? new Uri(baseUrl, method) : new Uri(new Uri(text + "/"), method);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
