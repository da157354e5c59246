using CoachBot.Core.Users;

namespace CoachBot.Testing.Fakes;

/// <summary>
/// The storage of the in-memory fakes whose rows belong to one user each (practice, skills, talking points): a lock,
/// rows by user and by key, and deleting a user's rows at once, as a user's partition does in Table Storage.
/// </summary>
/// <typeparam name="TKey">What makes a row unique within the user (an id, a month).</typeparam>
/// <typeparam name="TRow">The stored record.</typeparam>
public sealed class PerUserRows<TKey, TRow>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<TKey, TRow>> _byUser = new(StringComparer.Ordinal);

    /// <summary>Adds the row unless the user has one with the key; false then, and nothing changes.</summary>
    public bool TryAdd(UserRef user, TKey key, TRow row)
    {
        lock (_gate)
        {
            return RowsOf(user).TryAdd(key, row);
        }
    }

    /// <summary>Inserts or replaces the user's row with the key.</summary>
    public void Set(UserRef user, TKey key, TRow row)
    {
        lock (_gate)
        {
            RowsOf(user)[key] = row;
        }
    }

    /// <summary>A snapshot of the user's rows (empty for an unknown user), in the order <paramref name="arrange"/> gives.</summary>
    public IReadOnlyList<TRow> List(UserRef user, Func<IEnumerable<TRow>, IEnumerable<TRow>> arrange)
    {
        lock (_gate)
        {
            return _byUser.TryGetValue(user.Key, out var rows) ? [.. arrange(rows.Values)] : [];
        }
    }

    /// <summary>Deletes every row of the user.</summary>
    public void RemoveAll(UserRef user)
    {
        lock (_gate)
        {
            _byUser.Remove(user.Key);
        }
    }

    private Dictionary<TKey, TRow> RowsOf(UserRef user)
    {
        if (!_byUser.TryGetValue(user.Key, out var rows))
        {
            rows = [];
            _byUser[user.Key] = rows;
        }

        return rows;
    }
}
