using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CoachBot.Host.Charts;

/// <summary>
/// Finds a font that can draw Japanese, once at start-up. ScottPlot does not pick one by itself (its font detection
/// found nothing here even with the font installed, PROTOCOLS.md "Charts"), so the name is set explicitly on every
/// label. Without one, ja charts are drawn with English labels rather than empty boxes.
/// </summary>
public sealed class ChartFonts
{
    /// <summary>Names tried after <see cref="ChartsOptions.CjkFontName"/>: Debian's fonts-noto-cjk and fonts-ipafont.</summary>
    public static readonly IReadOnlyList<string> KnownCjkFonts =
        ["Noto Sans CJK JP", "Noto Sans JP", "IPAGothic", "IPAPGothic", "Noto Serif CJK JP", "TakaoGothic", "VL Gothic"];

    /// <summary>Sans-serif families tried for Latin text; without any, SkiaSharp's default face (which may be a serif).</summary>
    public static readonly IReadOnlyList<string> KnownLatinFonts = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial"];

    public ChartFonts(IOptions<ChartsOptions> options, ILogger<ChartFonts> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        LatinFontName = KnownLatinFonts.FirstOrDefault(Installed);
        var candidates = string.IsNullOrWhiteSpace(options.Value.CjkFontName) ? KnownCjkFonts : [options.Value.CjkFontName.Trim(), .. KnownCjkFonts];
        CjkFontName = candidates.FirstOrDefault(DrawsJapanese);
        if (CjkFontName is null)
        {
            logger.LogWarning(
                "No font with Japanese glyphs found (tried {Fonts}); Japanese charts will use English labels. Install fonts-noto-cjk or fonts-ipafont-gothic, or set Charts:CjkFontName.",
                string.Join(", ", candidates));
        }
        else
        {
            logger.LogInformation("Japanese chart labels use the font {Font}", CjkFontName);
        }
    }

    /// <summary>The installed sans-serif font for Latin text, or null for SkiaSharp's default.</summary>
    public string? LatinFontName { get; }

    /// <summary>The installed CJK font, or null when there is none.</summary>
    public string? CjkFontName { get; }

    private static bool Installed(string family)
    {
        using var typeface = SKFontManager.Default.MatchFamily(family);
        return typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase);
    }

    private static bool DrawsJapanese(string family)
    {
        using var typeface = SKFontManager.Default.MatchFamily(family);
        // MatchFamily may fall back to another family; only the one asked for counts.
        return typeface is not null
            && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase)
            && typeface.ContainsGlyphs("日本語の進捗");
    }
}
