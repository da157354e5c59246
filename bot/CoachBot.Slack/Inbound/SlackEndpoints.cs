using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// The three HTTP endpoints Slack calls. Each reads the raw body (capped), checks the signature on those exact bytes,
/// parses, and hands over to <see cref="ISlackInboundDispatcher"/>. Nothing is stored or sent before the signature
/// holds.
/// </summary>
public static class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/slack").ExcludeFromDescription();
        group.MapPost("/events", (HttpContext http, CancellationToken _) => HandleAsync(http, ParseEvent));
        group.MapPost("/commands", (HttpContext http, CancellationToken _) => HandleAsync(http, ParseCommand));
        group.MapPost("/interactions", (HttpContext http, CancellationToken _) => HandleAsync(http, ParseInteraction));
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, Func<ISlackInboundDispatcher, byte[], CancellationToken, Task<SlackAck>> parse)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints));
        var body = await ReadCappedAsync(http.Request, options.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"Slack requests are at most {options.MaxBodyBytes} bytes.");
        }

        var check = services.GetRequiredService<SlackSignatureVerifier>().Verify(
            http.Request.Headers["X-Slack-Signature"], http.Request.Headers["X-Slack-Request-Timestamp"], body);
        if (check != SlackSignatureCheck.Valid)
        {
            logger.LogWarning("Rejected a Slack request to {Path}: {Reason}", http.Request.Path, check);
            return Problem(StatusCodes.Status401Unauthorized, "Invalid Slack signature", Explain(check));
        }

        SlackAck ack;
        try
        {
            ack = await parse(services.GetRequiredService<ISlackInboundDispatcher>(), body, http.RequestAborted);
        }
        catch (JsonException)
        {
            ack = SlackAck.BadRequest("The body is not valid JSON.");
        }

        return ack switch
        {
            { Problem: { } problem } => Problem(ack.StatusCode, TitleFor(ack.StatusCode), problem),
            { Body: { } json, StatusCode: StatusCodes.Status200OK } => Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(json, SlackJson.Options), "application/json; charset=utf-8"),
            { Body: { } other } => Results.Text(other.ToJsonString(SlackJson.Options), "application/json; charset=utf-8", Encoding.UTF8, ack.StatusCode),
            _ => Results.StatusCode(ack.StatusCode),
        };
    }

    private static Task<SlackAck> ParseEvent(ISlackInboundDispatcher dispatcher, byte[] body, CancellationToken cancellationToken) =>
        JsonNode.Parse(body) is JsonObject json
            ? dispatcher.DispatchEventAsync(json, cancellationToken)
            : Task.FromResult(SlackAck.BadRequest("The body must be a JSON object."));

    private static Task<SlackAck> ParseCommand(ISlackInboundDispatcher dispatcher, byte[] body, CancellationToken cancellationToken) =>
        dispatcher.DispatchCommandAsync(ParseForm(body), cancellationToken);

    private static Task<SlackAck> ParseInteraction(ISlackInboundDispatcher dispatcher, byte[] body, CancellationToken cancellationToken)
    {
        if (!ParseForm(body).TryGetValue("payload", out var payload) || string.IsNullOrWhiteSpace(payload))
        {
            return Task.FromResult(SlackAck.BadRequest("The form field 'payload' is missing; Slack sends interactions as payload=<JSON>."));
        }

        return JsonNode.Parse(payload) is JsonObject json
            ? dispatcher.DispatchInteractionAsync(json, cancellationToken)
            : Task.FromResult(SlackAck.BadRequest("The payload must be a JSON object."));
    }

    /// <summary>Form fields of an application/x-www-form-urlencoded body (the last value wins for repeated names).</summary>
    internal static Dictionary<string, string> ParseForm(byte[] body) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body))
            .ToDictionary(p => p.Key, p => p.Value.LastOrDefault() ?? string.Empty, StringComparer.Ordinal);

    /// <summary>The whole body, or null when it is longer than <paramref name="maxBytes"/> (checked while reading).</summary>
    internal static async Task<byte[]?> ReadCappedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static string Explain(SlackSignatureCheck check) => check switch
    {
        SlackSignatureCheck.MissingHeaders => "X-Slack-Signature and X-Slack-Request-Timestamp are required.",
        SlackSignatureCheck.StaleTimestamp => "X-Slack-Request-Timestamp is more than 5 minutes from the server's clock; check the clock or resend.",
        SlackSignatureCheck.NoSecret => "Slack:SigningSecret is not configured on this server.",
        _ => "X-Slack-Signature does not match the body; check Slack:SigningSecret.",
    };

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Payload too large",
        >= 500 => "Service unavailable",
        _ => "Bad Slack request",
    };

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail, statusCode: status, title: title);
}
