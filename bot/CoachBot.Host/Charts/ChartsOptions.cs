namespace CoachBot.Host.Charts;

/// <summary>Progress charts (configuration section <c>Charts</c>); see docs/decisions/0008-progress-charts.md.</summary>
public sealed class ChartsOptions
{
    public const string SectionName = "Charts";

    /// <summary>Shortest signing key accepted, in bytes (HMAC-SHA256 gains nothing beyond its 32-byte output).</summary>
    public const int MinKeyBytes = 32;

    /// <summary>
    /// Base64 HMAC-SHA256 key that signs chart links; at least 32 bytes. A secret: set it through the environment
    /// (<c>Charts__SigningKey</c>) or user-secrets, never appsettings.json. When empty a random key is made at start,
    /// so links die with the process and do not work across replicas.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// During a key rotation, the key <see cref="SigningKey"/> replaced: links it signed keep working until they
    /// expire (24 hours for charts, <c>Exports:LinkLifetimeMinutes</c> for exports), new links use the new key.
    /// Remove it a day after the rotation. A secret, like the signing key.
    /// </summary>
    public string? PreviousSigningKey { get; set; }

    /// <summary>A font with Japanese glyphs for ja charts, tried before the known names (e.g. "Noto Sans CJK JP").</summary>
    public string? CjkFontName { get; set; }

    /// <summary>
    /// Absolute base URL of this host as chat clients reach it (e.g. https://coachbot.example.com). Empty: links are
    /// relative, which is enough for the playground; Slack and Teams need it set.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Chart PNGs kept in memory per replica (0 turns the cache off); least recently used out first.</summary>
    public int RenderCacheEntries { get; set; } = 256;

    /// <summary>Charts drawn per user per minute on one replica; a request past it gets 429 with Retry-After.</summary>
    public int RendersPerUserPerMinute { get; set; } = 10;

    /// <summary>How long a chart link works.</summary>
    public static TimeSpan LinkLifetime { get; } = TimeSpan.FromHours(24);
}
