using System.Globalization;
using System.Text.Json.Nodes;

namespace CoachBot.Slack.Api;

/// <summary>chat.postMessage, chat.postEphemeral and chat.update (JSON bodies, limited per team and per channel).</summary>
internal sealed class SlackChatApi(SlackApiCaller caller) : ISlackChatApi
{
    /// <summary>The metadata event type CoachBot's posts carry, with the post's key in the payload.</summary>
    public const string PostEventType = "coachbot_post";

    /// <summary>How many of the channel's latest messages are searched for a post's key.</summary>
    public const int HistoryWindow = 100;

    /// <summary>
    /// Posts exactly once as far as Slack lets a client know: Slack has no idempotency key and a 5xx or a lost answer
    /// may or may not have posted, so every post carries its key as message metadata, and after such a failure (or
    /// when <see cref="SlackMessage.MayBePosted"/>) the channel's recent history is searched for the key before the
    /// message is posted again.
    /// </summary>
    public async Task<string> PostMessageAsync(SlackTeam team, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        const string method = "chat.postMessage";
        var key = message.PostKey ?? Guid.NewGuid().ToString("N");
        if (message.MayBePosted && await FindPostAsync(team, message.Channel, key, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var metadata = new PostMetadata(PostEventType, new JsonObject { ["key"] = key });
        var body = new PostBody(message.Channel, null, null, message.Text, message.Blocks, message.ThreadTs) { Metadata = metadata };
        var maxAttempts = Math.Max(1, caller.Options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var answer = await caller.TeamJsonAsync(team, method, body, message.Channel, retryAmbiguous: false, cancellationToken);
                return SlackAnswer.Required(answer, "ts", method, "ts");
            }
            catch (SlackApiException ex) when (ex.IsAmbiguous && attempt < maxAttempts)
            {
                if (await FindPostAsync(team, message.Channel, key, cancellationToken) is { } posted)
                {
                    return posted;
                }
            }
        }
    }

    public async Task PostEphemeralAsync(SlackTeam team, string userId, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(message);
        var body = new PostBody(message.Channel, userId, null, message.Text, message.Blocks, message.ThreadTs);
        await caller.TeamJsonAsync(team, "chat.postEphemeral", body, message.Channel, cancellationToken);
    }

    public async Task UpdateAsync(SlackTeam team, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ts);
        ArgumentNullException.ThrowIfNull(message);
        var body = new PostBody(message.Channel, null, ts, message.Text, message.Blocks, null);
        await caller.TeamJsonAsync(team, "chat.update", body, message.Channel, cancellationToken);
    }

    /// <summary>
    /// The ts of a recent message in <paramref name="channel"/> that carries <paramref name="key"/>, or null when there
    /// is none or the history cannot be read for good (no scope, not a member): then posting again is the lesser
    /// evil, since a user who gets no answer cannot tell. A transient failure is thrown: the caller tries later.
    /// </summary>
    private async Task<string?> FindPostAsync(SlackTeam team, string channel, string key, CancellationToken cancellationToken)
    {
        // A read method: Slack takes its arguments as a form, not JSON.
        KeyValuePair<string, string>[] query =
            [new("channel", channel), new("limit", HistoryWindow.ToString(CultureInfo.InvariantCulture)), new("include_all_metadata", "true")];
        JsonObject answer;
        try
        {
            answer = await caller.TeamFormAsync(team, "conversations.history", query, cancellationToken);
        }
        catch (SlackApiException ex) when (!ex.IsAmbiguous && ex.Error is not ("ratelimited" or "attempt_budget_spent"))
        {
            return null;
        }

        if (answer["messages"] is not JsonArray messages)
        {
            return null;
        }

        foreach (var item in messages.OfType<JsonObject>())
        {
            if (item["metadata"] is JsonObject meta && SlackAnswer.String(meta, "event_type") == PostEventType
                && SlackAnswer.String(meta["event_payload"], "key") == key)
            {
                return SlackAnswer.String(item, "ts");
            }
        }

        return null;
    }

    /// <summary>The body of the chat methods; null fields are left out.</summary>
    private sealed record PostBody(string Channel, string? User, string? Ts, string Text, JsonArray? Blocks, string? ThreadTs)
    {
        public PostMetadata? Metadata { get; init; }
    }

    /// <summary>Slack's message metadata: <c>{event_type, event_payload}</c>.</summary>
    private sealed record PostMetadata(string EventType, JsonObject EventPayload);
}
