using CoachBot.Content.Model;
using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.Storage;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Host.Charts;

/// <summary>
/// <c>GET /charts/progress/{token}.png[?theme=dark]</c>: the signed, expiring progress chart, on a light card unless
/// <c>theme=dark</c> asks for the dark one. Mapped in every mode.
/// </summary>
public static class ChartEndpoints
{
    public static WebApplication MapCoachBotCharts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(SignedProgressChartLinks.RoutePrefix + "{file}", GetProgressChartAsync).ExcludeFromDescription();
        app.MapGet(SignedTeamHealthChartLinks.RoutePrefix + "{file}", GetTeamHealthChartAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GetProgressChartAsync(
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
        const string Suffix = ".png";
        var ticket = file.EndsWith(Suffix, StringComparison.Ordinal) ? links.Read(file[..^Suffix.Length]) : null;
        if (ticket is null)
        {
            // Expired and forged links look the same to the caller: nothing tells which part was wrong.
            return TypedResults.Text(content.For(ContentLibrary.DefaultLanguage).Strings.Format("chart.link_invalid"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        // Drawn from the stores now, not when the link was made: after `forget me` the chart shows nothing.
        byte[] png;
        try
        {
            var profile = await users.GetAsync(ticket.User, cancellationToken) ?? new UserProfile { User = ticket.User };
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZones.FindOrUtc(profile.TimeZoneId)).DateTime);
            var language = content.Supports(ticket.Language) ? ticket.Language : ContentLibrary.DefaultLanguage;
            var report = await reports.BuildAsync(profile, content.For(language), today, cancellationToken);
            // The theme is not part of the signed link: it changes colours only, never whose data is drawn.
            var chartTheme = string.Equals(theme, "dark", StringComparison.OrdinalIgnoreCase) ? ChartTheme.Dark : ChartTheme.Light;
            var key = ChartRenderCache.KeyFor(ticket.User, language, chartTheme, report);
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
                png = renderer.Render(report, language, chartTheme);
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

    /// <summary>
    /// <c>GET /charts/health/{token}.png[?theme=dark]</c>: one indicator of the lead's team health, computed now with the
    /// same rules as <c>team health</c> (only figures of three or more people; hidden weeks drawn empty). Drawings are
    /// cached like progress charts (<see cref="ChartRenderCache"/>, keyed by the lead, the indicator and what is drawn),
    /// and only drawing counts against the lead's limit.
    /// </summary>
    private static async Task<IResult> GetTeamHealthChartAsync(
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
        const string Suffix = ".png";
        var read = file.EndsWith(Suffix, StringComparison.Ordinal) ? links.Read(file[..^Suffix.Length]) : null;
        if (read is not { } link)
        {
            return TypedResults.Text(content.For(ContentLibrary.DefaultLanguage).Strings.Format("chart.link_invalid"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var language = content.Supports(link.Ticket.Language) ? link.Ticket.Language : ContentLibrary.DefaultLanguage;
        byte[] png;
        try
        {
            // Computed from the stores now, so `forget me` and a team that shrank below three show at once.
            var profile = await users.GetAsync(link.Ticket.User, cancellationToken) ?? new UserProfile { User = link.Ticket.User };
            var report = await health.BuildAsync(profile, time.GetUtcNow(), cancellationToken);
            var chartTheme = string.Equals(theme, "dark", StringComparison.OrdinalIgnoreCase) ? ChartTheme.Dark : ChartTheme.Light;
            var key = ChartRenderCache.KeyFor(link.Ticket.User, language, chartTheme, link.IndicatorId, report);
            if (cache.Find(key) is { } drawn)
            {
                png = drawn;
            }
            else if (!limiter.TryAcquire(link.Ticket.User, out var retryAfter))
            {
                var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.Headers.CacheControl = "no-store";
                return TypedResults.Text(
                    content.For(language).Strings.Format("chart.too_many", ("seconds", seconds)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
            }
            else
            {
                png = renderer.Render(report, link.IndicatorId, language, chartTheme);
                cache.Add(key, png);
            }
        }
        catch (StoreUnavailableException)
        {
            return TypedResults.Text(content.For(ContentLibrary.DefaultLanguage).Strings.Format("error.storage_unavailable"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(png, "image/png");
    }
}
