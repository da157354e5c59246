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

    /// <summary>The zone, or UTC when the id is unknown (a stored id can vanish after an OS tzdata update).</summary>
    public static TimeZoneInfo FindOrUtc(string? id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
