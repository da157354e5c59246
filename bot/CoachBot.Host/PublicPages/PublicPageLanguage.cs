using Microsoft.AspNetCore.Http.Headers;

namespace CoachBot.Host.PublicPages;

/// <summary>
/// The language of a public page: <c>?lang=en</c> or <c>?lang=ja</c> when given, else the first of English and
/// Japanese in the browser's <c>Accept-Language</c> by preference, else English.
/// </summary>
public static class PublicPageLanguage
{
    public const string English = "en";
    public const string Japanese = "ja";

    /// <summary>The query parameter that picks a language.</summary>
    public const string QueryName = "lang";

    public static string Choose(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? asked = request.Query[QueryName];
        if (asked is English or Japanese)
        {
            return asked;
        }

        RequestHeaders headers = request.GetTypedHeaders();
        // OrderByDescending is stable: equal preferences keep the browser's order.
        foreach (var item in headers.AcceptLanguage.Where(l => (l.Quality ?? 1) > 0).OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = item.Value.Value ?? string.Empty;
            foreach (var language in new[] { Japanese, English })
            {
                if (tag.Equals(language, StringComparison.OrdinalIgnoreCase)
                    || tag.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase))
                {
                    return language;
                }
            }
        }

        return English;
    }
}
