using System.Text.Json.Nodes;

namespace CoachBot.Slack.Api;

/// <summary>chat.postMessage, chat.postEphemeral and chat.update (JSON bodies, limited per team and per channel).</summary>
internal sealed class SlackChatApi(SlackApiCaller caller) : ISlackChatApi
{
    public async Task<string> PostMessageAsync(SlackTeam team, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        const string method = "chat.postMessage";
        var body = new PostBody(message.Channel, null, null, message.Text, message.Blocks, message.ThreadTs);
        var answer = await caller.TeamJsonAsync(team, method, body, message.Channel, cancellationToken);
        return SlackAnswer.Required(answer, "ts", method, "ts");
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

    /// <summary>The body of the chat methods; null fields are left out.</summary>
    private sealed record PostBody(string Channel, string? User, string? Ts, string Text, JsonArray? Blocks, string? ThreadTs);
}
