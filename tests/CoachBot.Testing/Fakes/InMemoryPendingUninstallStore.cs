using CoachBot.Core.Installations;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="IPendingUninstallStore"/> in memory: first mark wins, by channel and tenant.</summary>
public sealed class InMemoryPendingUninstallStore : IPendingUninstallStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, string TenantId), PendingUninstall> _rows = [];

    public Task MarkAsync(PendingUninstall uninstall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uninstall);
        lock (_gate)
        {
            _rows.TryAdd((uninstall.Channel, uninstall.TenantId), uninstall);
        }

        return Task.CompletedTask;
    }

    public Task ClearAsync(string channel, string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _rows.Remove((channel, tenantId));
        }

        return Task.CompletedTask;
    }

    public Task<PendingUninstall?> GetAsync(string channel, string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.GetValueOrDefault((channel, tenantId)));
        }
    }

    public Task<IReadOnlyList<PendingUninstall>> ListDueAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PendingUninstall>>([.. _rows.Values.Where(row => row.UninstalledAt <= cutoff)]);
        }
    }
}
