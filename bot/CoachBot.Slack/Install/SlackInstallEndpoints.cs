using CoachBot.Slack.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Install;

/// <summary>
/// The OAuth v2 install flow: <c>GET /slack/install</c> sends the browser to Slack's authorize page with a signed,
/// expiring, browser-bound <c>state</c>; <c>GET /slack/oauth</c> checks it, exchanges the code and stores the
/// installation. Map it only when <see cref="SlackOptions.HasOAuth"/>. Codes and tokens are never logged.
/// </summary>
public static class SlackInstallEndpoints
{
    /// <summary>The cookie that binds a state to the browser that asked for it.</summary>
    public const string StateCookieName = "coachbot_slack_oauth";

    private const string CookiePath = "/slack";

    /// <summary>Maps <c>GET /slack/install</c> and <c>GET /slack/oauth</c>; returns the group for further conventions.</summary>
    public static RouteGroupBuilder MapSlackInstall(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(CookiePath);
        group.MapGet("/install", Install);
        group.MapGet("/oauth", CallbackAsync);
        return group;
    }

    private static IResult Install(HttpContext context, SlackOAuthState states, IOptions<SlackOptions> slack)
    {
        var options = slack.Value;
        var (state, cookie) = states.Issue();
        context.Response.Cookies.Append(StateCookieName, cookie, CookieOptions(context, states.Lifetime));
        context.Response.Headers.CacheControl = "no-store";
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = options.ClientId,
            ["scope"] = options.Scopes,
            ["state"] = state,
        };
        if (options.RedirectUri is not null)
        {
            query["redirect_uri"] = options.RedirectUri.ToString();
        }

        return Results.Redirect(QueryHelpers.AddQueryString(options.AuthorizeUrl.ToString(), query));
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext context,
        SlackOAuthState states,
        SlackInstallationService installations,
        ISlackApiClient slack,
        IOptions<SlackOptions> options,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SlackInstallEndpoints));
        var query = context.Request.Query;
        context.Response.Headers.CacheControl = "no-store";
        string? error = query["error"];
        if (!string.IsNullOrEmpty(error))
        {
            error = error.Length > 64 ? error[..64] : error;
        }

        if (!string.IsNullOrEmpty(error))
        {
            context.Response.Cookies.Delete(StateCookieName, CookieOptions(context, null));
            if (error == "access_denied")
            {
                logger.LogInformation("A Slack install was cancelled by the user.");
                return SlackInstallPages.Declined();
            }

            logger.LogWarning("Slack ended an install with error {Error}.", error);
            return SlackInstallPages.StartAgain(StatusCodes.Status400BadRequest, $"Slack reported an error: {error}.");
        }

        var problem = states.Verify(query["state"], context.Request.Cookies[StateCookieName]);
        if (problem is not null)
        {
            logger.LogWarning("Slack install callback refused: {Problem}.", problem);
            return SlackInstallPages.StartAgain(
                StatusCodes.Status400BadRequest, "This install link is not valid here: it has expired, was altered, or was started in another browser.");
        }

        string? code = query["code"];
        if (string.IsNullOrEmpty(code))
        {
            logger.LogWarning("Slack install callback refused: it has no code.");
            return SlackInstallPages.StartAgain(StatusCodes.Status400BadRequest, "Slack did not send an install code.");
        }

        try
        {
            var result = await slack.OAuthV2.AccessAsync(code, options.Value.RedirectUri, context.RequestAborted);
            await installations.SaveAsync(result, context.RequestAborted);
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Slack refused the install code exchange: {Error}.", ex.Error ?? "unknown error");
            var transport = ex.Error is null or "unreachable" or "ratelimited" || ex.Error.StartsWith("http_", StringComparison.Ordinal);
            return SlackInstallPages.StartAgain(
                transport ? StatusCodes.Status502BadGateway : StatusCodes.Status400BadRequest,
                transport ? "Slack could not be reached to finish the install." : $"Slack did not accept the install ({ex.Error}).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Saving a Slack installation failed ({ExceptionType}).", ex.GetType().Name);
            return SlackInstallPages.StartAgain(
                StatusCodes.Status503ServiceUnavailable, "CoachBot could not save the installation just now; wait a minute.");
        }

        context.Response.Cookies.Delete(StateCookieName, CookieOptions(context, null));
        return SlackInstallPages.Installed();
    }

    private static CookieOptions CookieOptions(HttpContext context, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = CookiePath,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
