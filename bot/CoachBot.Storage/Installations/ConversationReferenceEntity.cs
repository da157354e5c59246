using CoachBot.Core.Installations;

namespace CoachBot.Storage.Installations;

/// <summary>The ConversationRefs row of one user.</summary>
internal sealed class ConversationReferenceEntity : UserTableRow
{
    public string ConversationId { get; set; } = string.Empty;

    public string? ServiceUrl { get; set; }

    public string? BotId { get; set; }

    public string? Locale { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public static ConversationReferenceEntity From(ConversationReference reference, string partitionKey, string rowKey)
    {
        var row = Create<ConversationReferenceEntity>(reference.User, partitionKey, rowKey);
        row.ConversationId = reference.ConversationId;
        row.ServiceUrl = reference.ServiceUrl;
        row.BotId = reference.BotId;
        row.Locale = reference.Locale;
        row.UpdatedAt = TableDates.ToColumn(reference.UpdatedAt);
        return row;
    }

    public ConversationReference ToReference() => new(
        User(), ConversationId, ServiceUrl, BotId, Locale, TableDates.FromColumn(UpdatedAt));
}
