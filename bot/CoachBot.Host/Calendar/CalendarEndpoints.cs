using CoachBot.Content.Model;
using CoachBot.Core.OneOnOnes.Calendar;
using CoachBot.Core.Storage;

namespace CoachBot.Host.Calendar;

/// <summary>
/// <c>GET /calendar/{token}.ics</c>: a user's private 1-on-1 calendar feed (ADR 0038). No cookie or sign-in, as
/// calendar apps fetch anonymously: the 256-bit token is the only key, compared by its hash. Mapped in every mode.
/// </summary>
public static class CalendarEndpoints
{
    public static WebApplication MapCoachBotCalendar(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(CalendarFeedPathRedaction.RedactedPath, GetFeedAsync).ExcludeFromDescription();
        return app;
    }

    public static IServiceCollection AddCoachBotCalendar(this IServiceCollection services)
    {
        services.AddSingleton<ICalendarFeedLinks, CalendarFeedLinks>();
        services.AddSingleton<CalendarFeedLimiter>();

        // Registered after the web host's own factory, so the host makes every request's context through this one.
        services.AddSingleton<IHttpContextFactory>(sp => new CalendarFeedPathRedaction(new DefaultHttpContextFactory(sp)));
        return services;
    }

    private static async Task<IResult> GetFeedAsync(
        HttpContext context,
        CalendarFeedService feeds,
        ContentLibrary content,
        CalendarFeedLimiter limiter,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // The route sees only the redacted path; the token is in the request's features (CalendarFeedPathRedaction).
        var file = CalendarFeedPathRedaction.RequestedFile(context) ?? string.Empty;
        var response = context.Response;
        var fallback = content.For(ContentLibrary.DefaultLanguage).Strings;
        response.Headers.CacheControl = "private, no-store";
        try
        {
            var token = file.EndsWith(CalendarFeedLinks.Suffix, StringComparison.Ordinal) ? file[..^CalendarFeedLinks.Suffix.Length] : null;
            if (await feeds.FindAsync(token, cancellationToken) is not { } user)
            {
                // Unknown, malformed and revoked tokens look the same: nothing tells which, and nothing is written.
                return TypedResults.Text(fallback.Format("calendar.link_invalid"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            if (!limiter.TryAcquire(user, out var retryAfter))
            {
                var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Text(fallback.Format("calendar.too_many", ("seconds", seconds)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
            }

            var now = time.GetUtcNow();
            var feed = await feeds.BuildAsync(user, now, cancellationToken);
            return TypedResults.Text(CalendarFeedWriter.Write(feed, now), "text/calendar; charset=utf-8");
        }
        catch (StoreUnavailableException)
        {
            return TypedResults.Text(fallback.Format("error.storage_unavailable"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
