using CoachBot.Core.Installations;

namespace CoachBot.Storage.Installations;

/// <summary>The Installations row of one workspace / tenant. BotToken is a secret: this type is never logged.</summary>
internal sealed class InstallationEntity : TableRow
{
    public string Channel { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    public string? EnterpriseId { get; set; }

    public string? BotUserId { get; set; }

    public string? BotToken { get; set; }

    /// <summary>Comma-joined; OAuth scope names never contain a comma.</summary>
    public string Scopes { get; set; } = string.Empty;

    public DateTimeOffset? InstalledAt { get; set; }

    public static InstallationEntity From(Installation installation, string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        Channel = installation.Channel,
        TenantId = installation.TenantId,
        EnterpriseId = installation.EnterpriseId,
        BotUserId = installation.BotUserId,
        BotToken = installation.BotToken,
        Scopes = string.Join(',', installation.Scopes),
        InstalledAt = TableDates.ToColumn(installation.InstalledAt),
    };

    public Installation ToInstallation() => new(
        Channel,
        TenantId,
        EnterpriseId,
        BotUserId,
        BotToken,
        Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries),
        TableDates.FromColumn(InstalledAt));
}
