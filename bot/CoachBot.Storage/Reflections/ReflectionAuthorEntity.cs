using CoachBot.Core.Reflections;

namespace CoachBot.Storage.Reflections;

/// <summary>
/// The ReflectionAuthors row that lets an author find their own answers (to edit, export and delete them): the
/// author's partition, the round, and the random id of the answer row. Holds no answer text; summaries never read it.
/// </summary>
internal sealed class ReflectionAuthorEntity : UserTableRow
{
    public string TeamChannel { get; set; } = string.Empty;

    public string TeamTenantId { get; set; } = string.Empty;

    public string TeamConversationId { get; set; } = string.Empty;

    public string Week { get; set; } = string.Empty;

    public string AnswerId { get; set; } = string.Empty;

    public static ReflectionAuthorEntity From(Core.Users.UserRef author, TeamChannel channel, string week, string answerId, string partitionKey, string rowKey)
    {
        var row = Create<ReflectionAuthorEntity>(author, partitionKey, rowKey);
        row.TeamChannel = channel.Channel;
        row.TeamTenantId = channel.TenantId;
        row.TeamConversationId = channel.ConversationId;
        row.Week = week;
        row.AnswerId = answerId;
        return row;
    }

    public TeamChannel ToChannel() => new(TeamChannel, TeamTenantId, TeamConversationId);
}
