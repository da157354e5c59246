namespace CoachBot.Core.Installations;

/// <summary>A workspace / tenant that uninstalled CoachBot at <paramref name="UninstalledAt"/>; its users' data goes after the grace period.</summary>
public sealed record PendingUninstall(string Channel, string TenantId, DateTimeOffset UninstalledAt);
