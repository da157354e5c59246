using System.Collections.Frozen;

namespace CoachBot.Core.Time;

/// <summary>IANA time zone lookup that forgives case (people type "asia/tokyo") and refuses Windows ids.</summary>
public static class TimeZones
{
    private static readonly Lazy<FrozenDictionary<string, TimeZoneInfo>> ByLowerId = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.HasIanaId)
            .Append(TimeZoneInfo.Utc)
            .DistinctBy(z => z.Id, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(z => z.Id, StringComparer.OrdinalIgnoreCase));

    /// <summary>Finds an IANA zone by id, ignoring case. Returns false for unknown and non-IANA ids.</summary>
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        var trimmed = id.Trim();
        if (ByLowerId.Value.TryGetValue(trimmed, out var found))
        {
            zone = found;
            return true;
        }

        // Zones such as "Etc/GMT+9" or links ("US/Eastern") are not always listed; ask the system directly.
        if (TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var direct) && direct.HasIanaId)
        {
            zone = direct;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Up to <paramref name="max"/> IANA ids nearest to a mistyped one, nearest first: "Asia/Tokio" and "tokyo" give
    /// Asia/Tokyo, "new york" gives America/New_York. Each id is compared whole and by its city part (after the last
    /// "/"), spaces read as "_", by optimal string alignment distance; a distance over a third of the text's length
    /// (at least 2) is too far to be a typo. Legacy aliases (US/Eastern, Japan) are left out: people should pick
    /// the canonical Area/City id.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string? text, int max = 3)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var typed = text.Trim().ToLowerInvariant().Replace(' ', '_');
        var typedCity = typed[(typed.LastIndexOf('/') + 1)..];
        var limit = Math.Max(2, typed.Length / 3);
        return Canonical.Value
            .Select(id =>
            {
                var lower = id.ToLowerInvariant();
                var city = lower[(lower.LastIndexOf('/') + 1)..];
                var distance = Math.Min(
                    Conversation.EditDistance.Between(typed, lower),
                    Conversation.EditDistance.Between(typedCity, city) + (typed.Contains('/', StringComparison.Ordinal) ? AreaMismatch(typed, lower) : 0));
                return (id, distance);
            })
            .Where(x => x.distance <= limit)
            .OrderBy(x => x.distance)
            .ThenBy(x => x.id, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.id)
            .ToList();
    }

    private static readonly string[] LegacyAreas = ["Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Chile/", "Mexico/", "posix/", "right/"];

    /// <summary>Ids of the form Area/City, without the Etc/ and legacy alias zones.</summary>
    private static readonly Lazy<IReadOnlyList<string>> Canonical = new(() =>
    [
        .. ByLowerId.Value.Keys
            .Where(id => id.Contains('/', StringComparison.Ordinal)
                && !LegacyAreas.Any(area => id.StartsWith(area, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal),
    ]);

    /// <summary>When both name an area, a different area costs one more edit, so Asia/Tokio prefers Asia/Tokyo.</summary>
    private static int AreaMismatch(string typed, string id)
    {
        var typedArea = typed[..typed.IndexOf('/', StringComparison.Ordinal)];
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && id[..slash] == typedArea ? 0 : 1;
    }

    /// <summary>The zone, or UTC when the id is unknown (a stored id can vanish after an OS tzdata update).</summary>
    public static TimeZoneInfo FindOrUtc(string? id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
