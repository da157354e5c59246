using System.Collections.Immutable;
using CoachBot.Core.Users;
using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Installations;

/// <summary>
/// The edges' view of <see cref="IPendingUninstallStore"/>: any authenticated activity of a marked tenant or user
/// clears the mark, so the data of people still using CoachBot is never purged. The marks (a handful: only uninstalls
/// inside their grace period) are read whole at most once per <see cref="RefreshEvery"/> on this replica's clock, so a
/// request costs no storage read; only clearing a mark writes. A mark made on another replica is seen here within
/// <see cref="RefreshEvery"/>. docs/decisions/0021-uninstall-grace-period.md.
/// </summary>
public sealed partial class UninstallMarks : IDisposable
{
    /// <summary>How long a read of the marks is trusted before the next activity reads them again.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(5);

    private readonly IPendingUninstallStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<UninstallMarks> _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _snapshot;
    private long _generation;

    public UninstallMarks(IPendingUninstallStore store, TimeProvider time, ILogger<UninstallMarks> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Records an uninstall (the tenant's, or one person's with <see cref="PendingUninstall.UserId"/>); first wins.
    /// This replica reads the marks again at the next activity, so the new one is seen at once here.
    /// </summary>
    public async Task MarkAsync(PendingUninstall uninstall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uninstall);
        await _store.MarkAsync(uninstall, cancellationToken);
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _snapshot, null);
    }

    /// <summary>Clears the tenant's mark (the app was added again).</summary>
    public async Task ClearTenantAsync(string channel, string tenantId, CancellationToken cancellationToken)
    {
        await _store.ClearAsync(channel, tenantId, cancellationToken);
        Forget(new Key(channel, tenantId, null));
    }

    /// <summary>Clears one person's own mark (they added the app again).</summary>
    public async Task ClearUserAsync(UserRef user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await _store.ClearUserAsync(user, cancellationToken);
        Forget(new Key(user.Channel, user.TenantId, user.UserId));
    }

    /// <summary>
    /// An authenticated activity of <paramref name="user"/> arrived: clears the mark of their tenant and their own,
    /// unless the activity was sent (<paramref name="sentAt"/>) at or before the uninstall, such as a late retry of an
    /// event from before it. <paramref name="sentAt"/> null means now.
    /// </summary>
    /// <returns>How many marks were cleared (0, 1 or 2).</returns>
    public async Task<int> NoteActivityAsync(UserRef user, DateTimeOffset? sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var snapshot = await CurrentAsync(cancellationToken);
        var cleared = 0;
        if (Applies(snapshot, new Key(user.Channel, user.TenantId, null), sentAt))
        {
            await ClearTenantAsync(user.Channel, user.TenantId, cancellationToken);
            LogCleared(_logger, user.Channel, "workspace or tenant");
            cleared++;
        }

        if (Applies(snapshot, new Key(user.Channel, user.TenantId, user.UserId), sentAt))
        {
            await ClearUserAsync(user, cancellationToken);
            LogCleared(_logger, user.Channel, "personal");
            cleared++;
        }

        return cleared;
    }

    /// <summary>Like <see cref="NoteActivityAsync"/> for an activity that names only the tenant (no user).</summary>
    public async Task<bool> NoteTenantActivityAsync(string channel, string tenantId, DateTimeOffset? sentAt, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        if (!Applies(snapshot, new Key(channel, tenantId, null), sentAt))
        {
            return false;
        }

        await ClearTenantAsync(channel, tenantId, cancellationToken);
        LogCleared(_logger, channel, "workspace or tenant");
        return true;
    }

    public void Dispose() => _refresh.Dispose();

    private static bool Applies(Snapshot snapshot, Key key, DateTimeOffset? sentAt) =>
        snapshot.Marks.TryGetValue(key, out var mark) && (sentAt is null || sentAt > mark.UninstalledAt);

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (Volatile.Read(ref _snapshot) is { } fresh && now - fresh.ReadAt < RefreshEvery && now >= fresh.ReadAt)
        {
            return fresh;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            now = _time.GetUtcNow();
            if (Volatile.Read(ref _snapshot) is { } other && now - other.ReadAt < RefreshEvery && now >= other.ReadAt)
            {
                return other;
            }

            var generation = Interlocked.Read(ref _generation);
            var rows = await _store.ListAllAsync(cancellationToken);
            var marks = ImmutableDictionary.CreateRange(
                rows.Select(row => KeyValuePair.Create(new Key(row.Channel, row.TenantId, row.UserId), row)));
            var snapshot = new Snapshot(now, marks);

            // A mark written while the rows were read may be missing from them: use them for this call only, or the
            // new mark would stay unseen here for a whole refresh period.
            if (Interlocked.Read(ref _generation) == generation)
            {
                Volatile.Write(ref _snapshot, snapshot);
            }

            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private void Forget(Key key)
    {
        // Marks are rare and clearing rarer: copy-on-write keeps reads lock-free.
        Snapshot? seen;
        do
        {
            seen = Volatile.Read(ref _snapshot);
            if (seen is null || !seen.Marks.ContainsKey(key))
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _snapshot, seen with { Marks = seen.Marks.Remove(key) }, seen) != seen);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity on {Channel} cleared a {Scope} uninstall mark; the data stays")]
    private static partial void LogCleared(ILogger logger, string channel, string scope);

    private readonly record struct Key(string Channel, string TenantId, string? UserId);

    private sealed record Snapshot(DateTimeOffset ReadAt, ImmutableDictionary<Key, PendingUninstall> Marks);
}
