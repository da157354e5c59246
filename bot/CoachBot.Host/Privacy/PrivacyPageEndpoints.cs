using System.Globalization;
using CoachBot.Core.Privacy;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Privacy;

/// <summary>
/// <c>GET /privacy</c>: what CoachBot keeps, the user's data rights, and what happens after an uninstall, with the
/// configured grace period (<see cref="UninstallOptions.UninstallGraceDays"/>). Public in every mode: the Teams app
/// manifest's privacyUrl and the Slack app's listing point here. Plain HTML, no script, English.
/// </summary>
public static class PrivacyPageEndpoints
{
    public const string Route = "/privacy";

    public static WebApplication MapCoachBotPrivacyPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Route, (IOptions<UninstallOptions> options, HttpResponse response) =>
        {
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.Text(Page(options.Value.UninstallGraceDays), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>The page, with the grace period in days.</summary>
    public static string Page(int graceDays)
    {
        var days = graceDays.ToString(CultureInfo.InvariantCulture) + (graceDays == 1 ? " day" : " days");
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>CoachBot privacy</title>
            <style>body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }</style>
            </head>
            <body>
            <main>
            <h1>CoachBot privacy</h1>

            <h2>What CoachBot stores</h2>
            <p>Only what you give it while you use it, in the storage of the organisation that runs this CoachBot:</p>
            <ul>
            <li>your settings: role, career path, language, time zone, nudge time and working days;</li>
            <li>the practice you log and your monthly skills self-assessments;</li>
            <li>1-on-1s: pairings, talking points, notes and action items;</li>
            <li>team reflections you lead or take part in, and your answers (kept apart from your name; summaries posted to a channel are anonymous);</li>
            <li>where to send you messages, and records of what was already sent so nothing is sent twice.</li>
            </ul>

            <h2>Your data rights</h2>
            <ul>
            <li>Send <code>export</code> to CoachBot to get everything it stores about you as a JSON file.</li>
            <li>Send <code>forget me</code> to delete everything about you, after a confirmation. Your 1-on-1 pairings end; team summaries already posted stay, and never named anyone.</li>
            </ul>

            <h2>When CoachBot is uninstalled</h2>
            <p>When a Slack workspace uninstalls CoachBot, or a Microsoft Teams team removes it, CoachBot stops sending
            messages there and deletes the data of that workspace's or tenant's users after <strong>{{days}}</strong>.
            When you remove CoachBot from your own apps in Teams, only your data is deleted after {{days}}.
            Installing CoachBot again, or using it, within those {{days}} keeps the data.</p>
            <p>Files CoachBot uploaded to Slack for you (such as an export file) cannot be deleted by CoachBot once the
            app is uninstalled, because Slack has revoked its access; delete them in Slack.</p>
            </main>
            </body>
            </html>
            """;
    }
}
