using System.Text.Json.Nodes;

namespace CoachBot.Slack.Api;

/// <summary>conversations.open (JSON) and conversations.members (form body).</summary>
internal sealed class SlackConversationsApi(SlackApiCaller caller) : ISlackConversationsApi
{
    public async Task<string> OpenDirectAsync(SlackTeam team, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        const string method = "conversations.open";
        var answer = await caller.TeamJsonAsync(team, method, new OpenBody(userId), null, cancellationToken);
        return SlackAnswer.Required(answer["channel"], "id", method, "channel.id");
    }

    public async Task<SlackMembersPage> MembersAsync(SlackTeam team, string channelId, string? cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        List<KeyValuePair<string, string>> fields = [new("channel", channelId), new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        if (!string.IsNullOrEmpty(cursor))
        {
            fields.Add(new("cursor", cursor));
        }

        var answer = await caller.TeamFormAsync(team, "conversations.members", fields, cancellationToken);
        var ids = answer["members"] is JsonArray members
            ? [.. members.Select(m => m?.GetValueKind() == System.Text.Json.JsonValueKind.String ? m.GetValue<string>() : null).OfType<string>()]
            : new List<string>();
        var next = SlackAnswer.String(answer["response_metadata"], "next_cursor");
        return new SlackMembersPage(ids, string.IsNullOrEmpty(next) ? null : next);
    }

    private sealed record OpenBody(string Users);
}

/// <summary>users.info (form body, as Slack requires for it).</summary>
internal sealed class SlackUsersApi(SlackApiCaller caller) : ISlackUsersApi
{
    public async Task<SlackUserInfo> InfoAsync(SlackTeam team, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        const string method = "users.info";
        KeyValuePair<string, string>[] fields = [new("user", userId), new("include_locale", "true")];
        var answer = await caller.TeamFormAsync(team, method, fields, cancellationToken);
        var user = answer["user"];
        return new SlackUserInfo(
            SlackAnswer.Required(user, "id", method, "user.id"),
            SlackAnswer.String(user, "name"),
            SlackAnswer.String(user, "tz"),
            SlackAnswer.String(user, "locale"),
            SlackAnswer.Bool(user, "is_bot"),
            SlackAnswer.Bool(user, "deleted"));
    }
}

/// <summary>views.open, views.update and views.publish (JSON).</summary>
internal sealed class SlackViewsApi(SlackApiCaller caller) : ISlackViewsApi
{
    public async Task<string> OpenAsync(SlackTeam team, string triggerId, JsonObject view, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(triggerId);
        ArgumentNullException.ThrowIfNull(view);
        const string method = "views.open";
        var answer = await caller.TeamJsonAsync(team, method, new ViewBody(view) { TriggerId = triggerId }, null, cancellationToken);
        return SlackAnswer.Required(answer["view"], "id", method, "view.id");
    }

    public async Task UpdateAsync(SlackTeam team, string viewId, JsonObject view, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(viewId);
        ArgumentNullException.ThrowIfNull(view);
        await caller.TeamJsonAsync(team, "views.update", new ViewBody(view) { ViewId = viewId }, null, cancellationToken);
    }

    public async Task PublishAsync(SlackTeam team, string userId, JsonObject view, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(view);
        await caller.TeamJsonAsync(team, "views.publish", new ViewBody(view) { UserId = userId }, null, cancellationToken);
    }

    private sealed record ViewBody(JsonObject View)
    {
        public string? TriggerId { get; init; }

        public string? ViewId { get; init; }

        public string? UserId { get; init; }
    }
}
