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
}
