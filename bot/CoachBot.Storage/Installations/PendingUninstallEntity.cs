using CoachBot.Core.Installations;

namespace CoachBot.Storage.Installations;

/// <summary>The PendingUninstalls row of one workspace / tenant, or of one person (UserId not empty).</summary>
internal sealed class PendingUninstallEntity : TableRow
{
    public string Channel { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    /// <summary>Empty for a tenant's uninstall; the user's id for a personal one.</summary>
    public string UserId { get; set; } = string.Empty;

    public DateTimeOffset? UninstalledAt { get; set; }

    public static PendingUninstallEntity From(PendingUninstall uninstall, string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        Channel = uninstall.Channel,
        TenantId = uninstall.TenantId,
        UserId = uninstall.UserId ?? string.Empty,
        UninstalledAt = TableDates.ToColumn(uninstall.UninstalledAt),
    };

    public PendingUninstall ToPendingUninstall() =>
        new(Channel, TenantId, TableDates.FromColumn(UninstalledAt), string.IsNullOrEmpty(UserId) ? null : UserId);
}
