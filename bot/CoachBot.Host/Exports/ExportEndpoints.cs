using CoachBot.Content.Model;
using CoachBot.Core.Privacy;
using CoachBot.Core.Storage;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Host.Exports;

/// <summary>
/// <c>GET /exports/{token}</c>: the user's export file behind a signed, encrypted, expiring link (Teams gets the
/// link instead of a file). Mapped in every mode: the user's browser fetches it, not the chat service.
/// </summary>
public static class ExportEndpoints
{
    private const string TextPlain = "text/plain; charset=utf-8";

    public static WebApplication MapCoachBotExports(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(SignedExportLinks.RoutePrefix + "{token}", GetExportAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GetExportAsync(
        string token,
        SignedExportLinks links,
        UserDataService data,
        IUserStore users,
        ContentLibrary content,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        // Every answer here is about one person's data: nothing may be kept by a browser or a proxy.
        response.Headers.CacheControl = "no-store";
        if (links.Read(token) is not { } ticket)
        {
            // Forged, altered and malformed links look the same: the caller learns nothing about which part was wrong.
            return Say(content, ContentLibrary.DefaultLanguage, "export.link_invalid", StatusCodes.Status404NotFound);
        }

        var language = content.Supports(ticket.Language) ? ticket.Language : ContentLibrary.DefaultLanguage;
        if (links.IsExpired(ticket))
        {
            // 410: the link was real but is over; the sentence says how to get a fresh one.
            return Say(content, language, "export.link_expired", StatusCodes.Status410Gone);
        }

        // Built now from the stores, never cached: after `forget me` the same link yields an empty file.
        try
        {
            var everything = await data.CollectAsync(ticket.User, cancellationToken);
            var now = time.GetUtcNow();
            var zone = TimeZones.FindOrUtc(everything.Profile?.TimeZoneId);
            var fileName = UserDataService.FileName(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime));
            return TypedResults.File(UserDataService.ToJson(everything, now), "application/json", fileName);
        }
        catch (StoreUnavailableException)
        {
            return Say(content, language, "error.storage_unavailable", StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Say(ContentLibrary content, string language, string key, int status) =>
        TypedResults.Text(content.For(language).Strings.Format(key), TextPlain, statusCode: status);
}
