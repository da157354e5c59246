using System.Text.Json.Nodes;

namespace CoachBot.Slack.Api;

/// <summary>
/// The Slack Web API, grouped as Slack groups its methods. Every call checks <c>ok</c> and throws
/// <see cref="SlackApiException"/> with Slack's error code; 429 answers are retried after <c>Retry-After</c> within
/// <see cref="SlackOptions.MaxAttempts"/> and <see cref="SlackOptions.MaxRetryAfter"/>. Team calls use the team's bot
/// token (from <see cref="ISlackTokenSource"/>) and pass through a limiter per (team, method) and, for posts, per
/// (team, channel). Tokens never appear in logs or exception messages.
/// </summary>
public interface ISlackApiClient
{
    ISlackChatApi Chat { get; }

    ISlackConversationsApi Conversations { get; }

    ISlackUsersApi Users { get; }

    ISlackViewsApi Views { get; }

    ISlackOAuthApi OAuthV2 { get; }

    ISlackAppsConnectionsApi AppsConnections { get; }

    ISlackFilesApi Files { get; }

    /// <summary>Posts a message to a slash command's or action's <c>response_url</c> (no token needed).</summary>
    Task RespondAsync(Uri responseUrl, SlackMessage message, CancellationToken cancellationToken);
}

/// <summary>chat.* methods.</summary>
public interface ISlackChatApi
{
    /// <summary>chat.postMessage; returns the message ts.</summary>
    Task<string> PostMessageAsync(SlackTeam team, SlackMessage message, CancellationToken cancellationToken);

    /// <summary>chat.postEphemeral to <paramref name="userId"/> in <see cref="SlackMessage.Channel"/>.</summary>
    Task PostEphemeralAsync(SlackTeam team, string userId, SlackMessage message, CancellationToken cancellationToken);

    /// <summary>chat.update of the message at <paramref name="ts"/>.</summary>
    Task UpdateAsync(SlackTeam team, string ts, SlackMessage message, CancellationToken cancellationToken);
}

/// <summary>conversations.* methods.</summary>
public interface ISlackConversationsApi
{
    /// <summary>conversations.open with one user; returns the DM channel id.</summary>
    Task<string> OpenDirectAsync(SlackTeam team, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// One page of conversations.members: the user ids in the channel and the cursor of the next page (null at the
    /// end). Needs channels:read (public) or groups:read (private channels, which the bot must be in).
    /// </summary>
    Task<SlackMembersPage> MembersAsync(SlackTeam team, string channelId, string? cursor, int limit, CancellationToken cancellationToken);
}

/// <summary>One page of a channel's member ids.</summary>
public sealed record SlackMembersPage(IReadOnlyList<string> UserIds, string? NextCursor);

/// <summary>users.* methods.</summary>
public interface ISlackUsersApi
{
    /// <summary>users.info with include_locale=true.</summary>
    Task<SlackUserInfo> InfoAsync(SlackTeam team, string userId, CancellationToken cancellationToken);
}

/// <summary>views.* methods.</summary>
public interface ISlackViewsApi
{
    /// <summary>views.open with a short-lived trigger id; returns the view id.</summary>
    Task<string> OpenAsync(SlackTeam team, string triggerId, JsonObject view, CancellationToken cancellationToken);

    /// <summary>views.update of an open view.</summary>
    Task UpdateAsync(SlackTeam team, string viewId, JsonObject view, CancellationToken cancellationToken);

    /// <summary>views.publish of the user's App Home.</summary>
    Task PublishAsync(SlackTeam team, string userId, JsonObject view, CancellationToken cancellationToken);
}

/// <summary>oauth.v2.* methods (client id and secret as HTTP Basic, no bot token).</summary>
public interface ISlackOAuthApi
{
    /// <summary>oauth.v2.access: exchanges an install code for the installation.</summary>
    Task<SlackOAuthResult> AccessAsync(string code, Uri? redirectUri, CancellationToken cancellationToken);
}

/// <summary>apps.connections.* methods (app-level token).</summary>
public interface ISlackAppsConnectionsApi
{
    /// <summary>apps.connections.open: a fresh Socket Mode WebSocket URL.</summary>
    Task<Uri> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>files.* methods: the external upload flow (get an upload URL, send the bytes, complete into a channel).</summary>
public interface ISlackFilesApi
{
    /// <summary>Uploads a file and shares it in <paramref name="channel"/>; returns the file id.</summary>
    Task<string> UploadAsync(SlackTeam team, string channel, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>files.delete: deletes a file the bot uploaded; false when Slack says it was gone already.</summary>
    Task<bool> DeleteAsync(SlackTeam team, string fileId, CancellationToken cancellationToken);
}
