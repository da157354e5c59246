using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CoachBot.Teams.Protocol;

/// <summary>
/// A Bot Framework activity with the fields CoachBot reads and writes; anything else is kept in
/// <see cref="Extra"/> so nothing is lost when an activity is echoed back.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? LocalTimezone { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public JsonNode? Value { get; set; }

    public string? Name { get; set; }

    public string? Action { get; set; }

    public string? ReplyToId { get; set; }

    public string? Locale { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    public IList<JsonObject>? Entities { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public JsonObject? ChannelData { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A user or bot in a conversation.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }

    public string? Name { get; init; }
}

/// <summary>A card or file attached to an activity.</summary>
public sealed record Attachment
{
    public string? ContentType { get; init; }

    public JsonNode? Content { get; init; }

    public string? ContentUrl { get; init; }

    public string? Name { get; init; }
}
