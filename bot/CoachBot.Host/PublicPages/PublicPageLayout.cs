using System.Text.Encodings.Web;

namespace CoachBot.Host.PublicPages;

/// <summary>
/// The frame every public page shares: language, title, links to the three pages and to the other language, and
/// absolute <c>hreflang</c> alternates built from the request's scheme and host (https and the public host behind
/// the platform's proxy, see <c>ForwardedHeaders</c>). The host is encoded like every other value.
/// </summary>
public static class PublicPageLayout
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(HttpRequest request, string language, string path, string title, string body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = Html.Encode($"{request.Scheme}://{request.Host.ToUriComponent()}");
        var ja = language == PublicPageLanguage.Japanese;
        var other = ja ? PublicPageLanguage.English : PublicPageLanguage.Japanese;
        string Link(string route, string text) =>
            $"<a href=\"{route}?{PublicPageLanguage.QueryName}={language}\"{(route == path ? " aria-current=\"page\"" : string.Empty)}>{text}</a>";
        var nav = string.Join(
            " · ",
            Link(PublicPageEndpoints.PrivacyRoute, ja ? "プライバシー" : "Privacy"),
            Link(PublicPageEndpoints.TermsRoute, ja ? "利用規約" : "Terms of use"),
            Link(PublicPageEndpoints.SupportRoute, ja ? "サポート" : "Support"),
            $"<a href=\"{path}?{PublicPageLanguage.QueryName}={other}\" hreflang=\"{other}\" lang=\"{other}\">{(ja ? "English" : "日本語")}</a>");
        return $$"""
            <!DOCTYPE html>
            <html lang="{{language}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}}</title>
            <link rel="canonical" href="{{origin}}{{path}}?{{PublicPageLanguage.QueryName}}={{language}}">
            <link rel="alternate" hreflang="en" href="{{origin}}{{path}}?{{PublicPageLanguage.QueryName}}=en">
            <link rel="alternate" hreflang="ja" href="{{origin}}{{path}}?{{PublicPageLanguage.QueryName}}=ja">
            <style>body { font-family: system-ui, sans-serif; line-height: 1.6; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; } nav { margin-bottom: 1.5rem; }</style>
            </head>
            <body>
            <nav>{{nav}}</nav>
            <main>
            <h1>{{title}}</h1>
            {{body}}
            </main>
            </body>
            </html>
            """;
    }
}
