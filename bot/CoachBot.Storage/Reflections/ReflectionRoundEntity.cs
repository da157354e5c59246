using CoachBot.Core.Reflections;

namespace CoachBot.Storage.Reflections;

/// <summary>The ReflectionRounds row of one week: times, prompts and how many were invited. No person.</summary>
internal sealed class ReflectionRoundEntity : TableRow
{
    public string TeamChannel { get; set; } = string.Empty;

    public string TeamTenantId { get; set; } = string.Empty;

    public string TeamConversationId { get; set; } = string.Empty;

    public string Week { get; set; } = string.Empty;

    public DateTimeOffset? OpensAt { get; set; }

    public DateTimeOffset? ClosesAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Prompt ids in form order, comma-separated (ids never contain commas).</summary>
    public string PromptIds { get; set; } = string.Empty;

    public int InvitedCount { get; set; }

    public static ReflectionRoundEntity From(ReflectionRound round, string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        TeamChannel = round.Channel.Channel,
        TeamTenantId = round.Channel.TenantId,
        TeamConversationId = round.Channel.ConversationId,
        Week = round.Week,
        OpensAt = TableDates.ToColumn(round.OpensAt),
        ClosesAt = TableDates.ToColumn(round.ClosesAt),
        ClosedAt = round.ClosedAt,
        PromptIds = string.Join(',', round.PromptIds),
        InvitedCount = round.InvitedCount,
    };

    public ReflectionRound ToRound() => new(
        new Core.Reflections.TeamChannel(TeamChannel, TeamTenantId, TeamConversationId),
        Week,
        TableDates.FromColumn(OpensAt),
        TableDates.FromColumn(ClosesAt),
        PromptIds.Split(',', StringSplitOptions.RemoveEmptyEntries),
        InvitedCount)
    {
        ClosedAt = ClosedAt,
        Version = ETag.ToString(),
    };
}
