using System.Globalization;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;

namespace CoachBot.Storage.Reflections;

/// <summary>The ReflectionTeams row of one channel's set-up. Names a lead, never a member or an answer.</summary>
internal sealed class TeamReflectionEntity : TableRow
{
    public string TeamChannel { get; set; } = string.Empty;

    public string TeamTenantId { get; set; } = string.Empty;

    public string TeamConversationId { get; set; } = string.Empty;

    public string LeadChannel { get; set; } = string.Empty;

    public string LeadTenantId { get; set; } = string.Empty;

    public string LeadUserId { get; set; } = string.Empty;

    /// <summary>
    /// <see cref="UserRef.Key"/> of the lead. Reads go through the ReflectionsByUser index; this column is what the
    /// one-time backfill and the fallback scan before it filter on.
    /// </summary>
    public string LeadKey { get; set; } = string.Empty;

    public int Day { get; set; }

    public string Time { get; set; } = string.Empty;

    public string TimeZoneId { get; set; } = string.Empty;

    public bool Enabled { get; set; }

    /// <summary>Null in rows written before the lead chose; those counted their lead, so null reads as true.</summary>
    public bool? LeadTakesPart { get; set; }

    /// <summary>When the lead set it up; rows written before it was kept (no <see cref="CreatedAtKept"/>) read as the row's timestamp.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>True in rows written since <see cref="CreatedAt"/> is kept; then a null CreatedAt stays null (unknown).</summary>
    public bool? CreatedAtKept { get; set; }

    public static TeamReflectionEntity From(TeamReflection reflection, string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        TeamChannel = reflection.Channel.Channel,
        TeamTenantId = reflection.Channel.TenantId,
        TeamConversationId = reflection.Channel.ConversationId,
        LeadChannel = reflection.Lead.Channel,
        LeadTenantId = reflection.Lead.TenantId,
        LeadUserId = reflection.Lead.UserId,
        LeadKey = reflection.Lead.Key,
        Day = (int)reflection.Day,
        Time = reflection.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
        TimeZoneId = reflection.TimeZoneId,
        Enabled = reflection.Enabled,
        LeadTakesPart = reflection.LeadTakesPart,
        CreatedAt = reflection.CreatedAt,
        CreatedAtKept = true,
    };

    public TeamReflection ToReflection() => new(
        new Core.Reflections.TeamChannel(TeamChannel, TeamTenantId, TeamConversationId),
        new UserRef(LeadChannel, LeadTenantId, LeadUserId),
        (DayOfWeek)Day,
        TimeOnly.ParseExact(Time, "HH:mm", CultureInfo.InvariantCulture),
        TimeZoneId,
        Enabled)
    {
        LeadTakesPart = LeadTakesPart ?? true,
        CreatedAt = CreatedAtKept == true ? CreatedAt : CreatedAt ?? Timestamp,
        Version = ETag.ToString(),
    };
}
