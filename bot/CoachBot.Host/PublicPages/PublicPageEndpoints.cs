using System.Text.RegularExpressions;
using CoachBot.Core.Privacy;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CoachBot.Host.PublicPages;

/// <summary>
/// <c>GET /privacy</c>, <c>GET /terms</c> and <c>GET /support</c>: public in every mode, in English and Japanese
/// (<see cref="PublicPageLanguage"/>). The Teams manifest's privacyUrl and termsOfUseUrl and the Slack app's listing
/// point here. Plain HTML with no script, every configured value encoded, and headers that forbid everything else.
/// </summary>
public static partial class PublicPageEndpoints
{
    public const string PrivacyRoute = "/privacy";
    public const string TermsRoute = "/terms";
    public const string SupportRoute = "/support";

    /// <summary>Registers the <see cref="SupportOptions"/> the pages show, validated at start.</summary>
    public static IServiceCollection AddCoachBotPublicPages(this IServiceCollection services)
    {
        services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SupportOptions>, SupportOptionsValidator>();
        return services;
    }

    public static WebApplication MapCoachBotPublicPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Map(app, PrivacyRoute, (language, facts) => language == PublicPageLanguage.Japanese
            ? ("CoachBot のプライバシー", PrivacyPage.Japanese(facts))
            : ("CoachBot privacy", PrivacyPage.English(facts)));
        Map(app, TermsRoute, (language, facts) => language == PublicPageLanguage.Japanese
            ? ("CoachBot の利用規約", TermsPage.Japanese(facts))
            : ("CoachBot terms of use", TermsPage.English(facts)));
        Map(app, SupportRoute, (language, facts) => language == PublicPageLanguage.Japanese
            ? ("CoachBot のサポート", SupportPage.Japanese(facts))
            : ("CoachBot support", SupportPage.English(facts)));
        return app;
    }

    [GeneratedRegex(@"(?<=[^\x00-\x7F])\r?\n(?=[^\x00-\x7F])")]
    private static partial Regex JapaneseLineBreak();

    private static void Map(WebApplication app, string route, Func<string, PublicPageFacts, (string Title, string Body)> page) =>
        app.MapGet(route, (HttpContext context, IOptions<UninstallOptions> uninstall, IOptions<SupportOptions> support) =>
        {
            var language = PublicPageLanguage.Choose(context.Request);
            var facts = new PublicPageFacts(uninstall.Value.UninstallGraceDays, support.Value.OperatorName, support.Value.ContactUri);
            var (title, body) = page(language, facts);
            if (language == PublicPageLanguage.Japanese)
            {
                // A line break between two Japanese characters would show as a space; the sources wrap for reading.
                body = JapaneseLineBreak().Replace(body, string.Empty);
            }

            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentLanguage = language;
            headers.Vary = HeaderNames.AcceptLanguage;
            return TypedResults.Text(PublicPageLayout.Render(context.Request, language, route, title, body), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
}
