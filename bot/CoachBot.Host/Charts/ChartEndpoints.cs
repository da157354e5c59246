using CoachBot.Content.Model;
using CoachBot.Core.Habits;
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
}
