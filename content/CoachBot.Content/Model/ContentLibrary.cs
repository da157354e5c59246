namespace CoachBot.Content.Model;

/// <summary>The content of every supported language, validated.</summary>
public sealed class ContentLibrary
{
    /// <summary>The language used when a user has not chosen one or asks for one we do not have.</summary>
    public const string DefaultLanguage = "en";

    /// <summary>The content language a channel's locale hints (ja-JP, ja: Japanese; anything else: the default).</summary>
    public static string LanguageOf(string? locale) =>
        locale is not null && locale.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "ja" : DefaultLanguage;

    private readonly IReadOnlyDictionary<string, ContentCatalog> _catalogs;

    public ContentLibrary(IReadOnlyDictionary<string, ContentCatalog> catalogs)
    {
        if (!catalogs.ContainsKey(DefaultLanguage))
        {
            throw new ArgumentException($"The content must include the default language '{DefaultLanguage}'.", nameof(catalogs));
        }

        _catalogs = catalogs;
    }

    /// <summary>Languages present, e.g. en, ja.</summary>
    public IReadOnlyCollection<string> Languages => [.. _catalogs.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True when the language is present.</summary>
    public bool Supports(string? language) => language is not null && _catalogs.ContainsKey(language);

    /// <summary>The catalog of a language, or of the default language when that one is unknown.</summary>
    public ContentCatalog For(string? language) =>
        language is not null && _catalogs.TryGetValue(language, out var catalog) ? catalog : _catalogs[DefaultLanguage];
}
