using System.Net.Http.Headers;
using System.Text;

namespace CoachBot.Slack.Api;

/// <summary>oauth.v2.access with the client id and secret as HTTP Basic (form body, no local limit).</summary>
internal sealed class SlackOAuthApi(SlackApiCaller caller) : ISlackOAuthApi
{
    public async Task<SlackOAuthResult> AccessAsync(string code, Uri? redirectUri, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        const string method = "oauth.v2.access";
        var options = caller.Options;
        if (!options.HasOAuth)
        {
            throw new SlackApiException(
                method,
                "oauth_not_configured",
                "The Slack install flow needs Slack:ClientId and Slack:ClientSecret; set both (from the app's Basic Information page) and restart.");
        }

        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}"));
        List<KeyValuePair<string, string>> fields = [new("code", code)];
        if (redirectUri is not null)
        {
            fields.Add(new("redirect_uri", redirectUri.ToString()));
        }

        var answer = await caller.AppAsync(
            method, new AuthenticationHeaderValue("Basic", basic), () => new FormUrlEncodedContent(fields), limited: false, cancellationToken);
        var scopes = SlackAnswer.String(answer, "scope") ?? string.Empty;
        return new SlackOAuthResult(
            new SlackTeam(SlackAnswer.String(answer["team"], "id") ?? string.Empty, SlackAnswer.String(answer["enterprise"], "id")),
            SlackAnswer.Required(answer, "access_token", method, "access_token"),
            SlackAnswer.String(answer, "bot_user_id"),
            SlackAnswer.String(answer, "app_id"),
            [.. scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            SlackAnswer.String(answer["authed_user"], "id"),
            SlackAnswer.Bool(answer, "is_enterprise_install"));
    }
}

/// <summary>apps.connections.open with the app-level token.</summary>
internal sealed class SlackAppsConnectionsApi(SlackApiCaller caller) : ISlackAppsConnectionsApi
{
    public async Task<Uri> OpenAsync(CancellationToken cancellationToken)
    {
        const string method = "apps.connections.open";
        var appToken = caller.Options.AppToken;
        if (string.IsNullOrWhiteSpace(appToken))
        {
            throw new SlackApiException(
                method,
                "no_app_token",
                "Socket Mode needs an app-level token: create one with the connections:write scope and set Slack:AppToken.");
        }

        var answer = await caller.AppAsync(
            method, new AuthenticationHeaderValue("Bearer", appToken), () => null, limited: true, cancellationToken);
        var url = SlackAnswer.Required(answer, "url", method, "url");
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new SlackApiException(method, "invalid_response", "Slack answered apps.connections.open with a URL that is not absolute.");
    }
}
