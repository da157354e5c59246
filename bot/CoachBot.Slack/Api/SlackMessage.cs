using System.Text.Json.Nodes;

namespace CoachBot.Slack.Api;

/// <summary>
/// A message to post: the text fallback (always set; notifications and screen readers use it) and Block Kit blocks.
/// </summary>
public sealed record SlackMessage(string Channel, string Text, JsonArray? Blocks = null)
{
    /// <summary>For response_url posts: ephemeral (default) or in_channel.</summary>
    public string? ResponseType { get; init; }

    /// <summary>For response_url posts: replace the message the action came from.</summary>
    public bool ReplaceOriginal { get; init; }

    /// <summary>Thread to reply in, if any.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>
    /// chat.postMessage only: a stable key for this one post (e.g. event id and reply index). The post carries it as
    /// message metadata, so after a 5xx or timeout the client can look in the channel's history for it instead of
    /// posting blindly again. Null: the client makes up a key for this call alone.
    /// </summary>
    public string? PostKey { get; init; }

    /// <summary>
    /// chat.postMessage only: an earlier attempt (a crashed or retried worker) may already have posted the message
    /// with <see cref="PostKey"/>; look for it before posting.
    /// </summary>
    public bool MayBePosted { get; init; }
}
