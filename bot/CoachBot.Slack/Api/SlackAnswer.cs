using System.Text.Json.Nodes;

namespace CoachBot.Slack.Api;

/// <summary>Tolerant readers for fields of Slack's JSON answers.</summary>
internal static class SlackAnswer
{
    /// <summary>The string at <paramref name="name"/>, or null when missing or not a string.</summary>
    public static string? String(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The boolean at <paramref name="name"/>, or false when missing or not a boolean.</summary>
    public static bool Bool(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>A string Slack must have sent; a clear <see cref="SlackApiException"/> when it did not.</summary>
    public static string Required(JsonNode? node, string name, string method, string path) =>
        String(node, name) ?? throw new SlackApiException(
            method,
            "invalid_response",
            $"Slack answered {method} without {path}; check {nameof(SlackOptions.ApiBaseUrl)} points at Slack.");
}
