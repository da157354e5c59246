using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoachBot.Core.Habits;
using CoachBot.Core.Users;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>
/// Rendered chart PNGs in memory, keyed by user, language and a fingerprint of exactly what the renderer draws, so a
/// chat client fetching the same image again costs no drawing. Bounded (<see cref="ChartsOptions.RenderCacheEntries"/>),
/// least recently used out first. The stores are still read on every request, so an entry is only ever served for
/// data the stores hold now: after `forget me` the fingerprint changes and the old entry just ages out.
/// </summary>
public sealed class ChartRenderCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, byte[] Png)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, byte[] Png)> _recency = new();
    private readonly int _capacity;

    public ChartRenderCache(IOptions<ChartsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _capacity = options.Value.RenderCacheEntries;
    }

    /// <summary>The cache key: a hash, so the key itself holds neither the user id nor their counts.</summary>
    public static string KeyFor(UserRef user, string language, ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder()
            .Append(user.Channel).Append('\n').Append(user.TenantId).Append('\n').Append(user.UserId).Append('\n').Append(language);
        foreach (var action in report.Actions)
        {
            // What ProgressChartRenderer draws, and nothing else: the same drawing gets the same key.
            text.Append('\n').Append(action.ActionId).Append('|')
                .Append(action.Last4Weeks.ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(action.Last12Weeks.ToString(CultureInfo.InvariantCulture));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The PNG drawn earlier for <paramref name="key"/>, or null.</summary>
    public byte[]? Find(string key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Png;
        }
    }

    /// <summary>Keeps <paramref name="png"/> for <paramref name="key"/>, dropping the least recently used past the bound.</summary>
    public void Add(string key, byte[] png)
    {
        lock (_gate)
        {
            if (_capacity <= 0)
            {
                return;
            }

            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
            }

            _entries[key] = _recency.AddFirst((key, png));
            while (_entries.Count > _capacity && _recency.Last is { } last)
            {
                _entries.Remove(last.Value.Key);
                _recency.RemoveLast();
            }
        }
    }
}
