using Azure;
using Azure.Data.Tables;
using CoachBot.Core.Installations;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Installations;

/// <summary>The ConversationRefs row of one user.</summary>
internal sealed class ConversationReferenceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Channel { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    public string? ServiceUrl { get; set; }

    public string? BotId { get; set; }

    public string? Locale { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public static ConversationReferenceEntity From(ConversationReference reference, string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        Channel = reference.User.Channel,
        TenantId = reference.User.TenantId,
        UserId = reference.User.UserId,
        ConversationId = reference.ConversationId,
        ServiceUrl = reference.ServiceUrl,
        BotId = reference.BotId,
        Locale = reference.Locale,
        UpdatedAt = TableDates.ToColumn(reference.UpdatedAt),
    };

    public ConversationReference ToReference() => new(
        new UserRef(Channel, TenantId, UserId), ConversationId, ServiceUrl, BotId, Locale, TableDates.FromColumn(UpdatedAt));
}
