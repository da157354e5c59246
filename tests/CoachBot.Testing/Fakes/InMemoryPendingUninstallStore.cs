using CoachBot.Core.Installations;
using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="IPendingUninstallStore"/> in memory: first mark wins, by channel, tenant and (for a personal uninstall) user.</summary>
public sealed class InMemoryPendingUninstallStore : IPendingUninstallStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, string TenantId, string? UserId), PendingUninstall> _rows = [];

    /// <summary>How many times a list (<see cref="ListAllAsync"/> or <see cref="ListDueAsync"/>) was read.</summary>
    public int ListReads { get; private set; }

    /// <summary>How many times one record (<see cref="GetAsync"/> or <see cref="GetUserAsync"/>) was read.</summary>
    public int RowReads { get; private set; }

    public Task MarkAsync(PendingUninstall uninstall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uninstall);
        lock (_gate)
        {
            _rows.TryAdd((uninstall.Channel, uninstall.TenantId, uninstall.UserId), uninstall);
        }

        return Task.CompletedTask;
    }

    public Task ClearAsync(string channel, string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _rows.Remove((channel, tenantId, null));
        }

        return Task.CompletedTask;
    }

    public Task<PendingUninstall?> GetAsync(string channel, string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            RowReads++;
            return Task.FromResult(_rows.GetValueOrDefault((channel, tenantId, null)));
        }
    }

    public Task ClearUserAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            _rows.Remove((user.Channel, user.TenantId, user.UserId));
        }

        return Task.CompletedTask;
    }

    public Task<PendingUninstall?> GetUserAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            RowReads++;
            return Task.FromResult(_rows.GetValueOrDefault((user.Channel, user.TenantId, user.UserId)));
        }
    }

    public Task<IReadOnlyList<PendingUninstall>> ListDueAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ListReads++;
            return Task.FromResult<IReadOnlyList<PendingUninstall>>([.. _rows.Values.Where(row => row.UninstalledAt <= cutoff)]);
        }
    }

    public Task<IReadOnlyList<PendingUninstall>> ListAllAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ListReads++;
            return Task.FromResult<IReadOnlyList<PendingUninstall>>([.. _rows.Values]);
        }
    }
}
