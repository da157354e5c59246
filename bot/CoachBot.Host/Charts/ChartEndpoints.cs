using CoachBot.Content.Model;
using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.Missions;
using CoachBot.Core.Storage;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Host.Charts;

/// <summary>
/// <c>GET /charts/progress/{token}.png</c>, <c>/charts/health/{token}.png</c> and <c>/charts/missions/{token}.png</c>
/// (each with an optional <c>?theme=dark</c>): signed, expiring charts, on a light card unless <c>theme=dark</c> asks
/// for the dark one. Every kind is drawn from the stores when fetched, cached by what it draws
/// (<see cref="ChartRenderCache"/>) and limited per user (<see cref="ChartRenderLimiter"/>). Mapped in every mode.
/// </summary>
public static class ChartEndpoints
{
    private const string Suffix = ".png";

    public static WebApplication MapCoachBotCharts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(SignedProgressChartLinks.RoutePrefix + "{file}", GetProgressChartAsync).ExcludeFromDescription();
        app.MapGet(SignedTeamHealthChartLinks.RoutePrefix + "{file}", GetTeamHealthChartAsync).ExcludeFromDescription();
        app.MapGet(SignedMissionChartLinks.RoutePrefix + "{file}", GetMissionChartAsync).ExcludeFromDescription();
        return app;
    }

    private static Task<IResult> GetProgressChartAsync(
        string file,
        string? theme,
        SignedProgressChartLinks links,
        IUserStore users,
        ContentLibrary content,
        ProgressReportService reports,
        ProgressChartRenderer renderer,
        ChartRenderCache cache,
        ChartRenderLimiter limiter,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var ticket = file.EndsWith(Suffix, StringComparison.Ordinal) ? links.Read(file[..^Suffix.Length]) : null;
        return ServeAsync(ticket, theme, content, cache, limiter, response, async (language, chartTheme) =>
        {
            // Drawn from the stores now, not when the link was made: after `forget me` the chart shows nothing.
            var profile = await users.GetAsync(ticket!.User, cancellationToken) ?? new UserProfile { User = ticket.User };
            var report = await reports.BuildAsync(profile, content.For(language), LocalToday(profile, time), cancellationToken);
            return (ChartRenderCache.KeyFor(ticket.User, language, chartTheme, report), () => renderer.Render(report, language, chartTheme));
        });
    }

    /// <summary>
    /// One indicator of the lead's team health, computed now with the same rules as <c>team health</c> (only figures of
    /// three or more people; hidden weeks drawn empty), keyed in the cache by the lead, the indicator and what is drawn.
    /// </summary>
    private static Task<IResult> GetTeamHealthChartAsync(
        string file,
        string? theme,
        SignedTeamHealthChartLinks links,
        IUserStore users,
        ContentLibrary content,
        TeamHealthService health,
        TeamHealthChartRenderer renderer,
        ChartRenderCache cache,
        ChartRenderLimiter limiter,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var read = file.EndsWith(Suffix, StringComparison.Ordinal) ? links.Read(file[..^Suffix.Length]) : null;
        return ServeAsync(read?.Ticket, theme, content, cache, limiter, response, async (language, chartTheme) =>
        {
            // Computed from the stores now, so `forget me` and a team that shrank below three show at once.
            var (ticket, indicatorId) = read!.Value;
            var profile = await users.GetAsync(ticket.User, cancellationToken) ?? new UserProfile { User = ticket.User };
            var report = await health.BuildAsync(profile, time.GetUtcNow(), cancellationToken);
            return (ChartRenderCache.KeyFor(ticket.User, language, chartTheme, indicatorId, report), () => renderer.Render(report, indicatorId, language, chartTheme));
        });
    }

    /// <summary>
    /// The user's missions chart: steps done out of the steps for their role per mission, and their focus, as
    /// <c>missions</c> computes them now (a new role or focus, or <c>forget me</c>, shows at once).
    /// </summary>
    private static Task<IResult> GetMissionChartAsync(
        string file,
        string? theme,
        SignedMissionChartLinks links,
        IUserStore users,
        ContentLibrary content,
        MissionStandingService standing,
        MissionChartRenderer renderer,
        ChartRenderCache cache,
        ChartRenderLimiter limiter,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var ticket = file.EndsWith(Suffix, StringComparison.Ordinal) ? links.Read(file[..^Suffix.Length]) : null;
        return ServeAsync(ticket, theme, content, cache, limiter, response, async (language, chartTheme) =>
        {
            var profile = await users.GetAsync(ticket!.User, cancellationToken) ?? new UserProfile { User = ticket.User };
            var overview = await standing.BuildAsync(profile, content.For(language), LocalToday(profile, time), cancellationToken);
            return (ChartRenderCache.KeyFor(ticket.User, language, chartTheme, overview), () => renderer.Render(overview, language, chartTheme));
        });
    }

    /// <summary>
    /// What every chart route does with a verified ticket: 404 without one, then reads the data (<paramref name="prepare"/>
    /// gives the cache key and how to draw), serves a cached PNG, or draws one within the user's budget (429 with
    /// Retry-After past it), and 503 when the stores cannot be read.
    /// </summary>
    private static async Task<IResult> ServeAsync(
        ChartTicket? ticket,
        string? theme,
        ContentLibrary content,
        ChartRenderCache cache,
        ChartRenderLimiter limiter,
        HttpResponse response,
        Func<string, ChartTheme, Task<(string Key, Func<byte[]> Render)>> prepare)
    {
        if (ticket is null)
        {
            // Expired and forged links look the same to the caller: nothing tells which part was wrong.
            return TypedResults.Text(content.For(ContentLibrary.DefaultLanguage).Strings.Format("chart.link_invalid"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var language = content.Supports(ticket.Language) ? ticket.Language : ContentLibrary.DefaultLanguage;

        // The theme is not part of the signed link: it changes colours only, never whose data is drawn.
        var chartTheme = string.Equals(theme, "dark", StringComparison.OrdinalIgnoreCase) ? ChartTheme.Dark : ChartTheme.Light;
        byte[] png;
        try
        {
            var (key, render) = await prepare(language, chartTheme);
            if (cache.Find(key) is { } drawn)
            {
                png = drawn;
            }
            else if (!limiter.TryAcquire(ticket.User, out var retryAfter))
            {
                // Only drawing is limited: a chat client re-fetching an unchanged chart is served from the cache.
                var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.Headers.CacheControl = "no-store";
                return TypedResults.Text(
                    content.For(language).Strings.Format("chart.too_many", ("seconds", seconds)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
            }
            else
            {
                png = render();
                cache.Add(key, png);
            }
        }
        catch (StoreUnavailableException)
        {
            return TypedResults.Text(content.For(ContentLibrary.DefaultLanguage).Strings.Format("error.storage_unavailable"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // Personal data: no shared caches, and no browser cache that would outlive `forget me`.
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(png, "image/png");
    }

    private static DateOnly LocalToday(UserProfile profile, TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZones.FindOrUtc(profile.TimeZoneId)).DateTime);
}
