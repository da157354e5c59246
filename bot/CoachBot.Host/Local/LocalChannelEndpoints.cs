using System.Text.Json;
using System.Text.RegularExpressions;
using CoachBot.Core.Conversation;
using CoachBot.Core.Delivery;
using CoachBot.Core.Reflections;
using CoachBot.Core.Storage;
using CoachBot.Core.Users;
using CoachBot.Scheduler.Dispatch;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Local;

/// <summary>
/// The local channel: the playground page and the JSON API it (and tests) talk to. Mapped only in local mode.
/// </summary>
public static partial class LocalChannelEndpoints
{
    /// <summary>Longest action id accepted; real ones are short (e.g. settings.save).</summary>
    private const int MaxActionIdLength = 100;

    /// <summary>Longest clock jump: one year, enough to walk through every DST change.</summary>
    private const int MaxAdvanceMinutes = 366 * 24 * 60;

    public static WebApplication MapLocalChannel(this WebApplication app)
    {
        app.MapGet("/", ServePlayground).ExcludeFromDescription().AddEndpointFilter<LocalCallerFilter>();
        var api = app.MapGroup("/api/local").AddEndpointFilter<LocalCallerFilter>();
        api.MapPost("/messages", PostMessageAsync);
        api.MapGet("/inbox/{userId}", GetInbox);
        api.MapGet("/files/{token}", GetFile);
        api.MapPost("/clock", PostClockAsync);
        api.MapGet("/clock", (LocalClock clock) => TypedResults.Ok(new { now = clock.GetUtcNow(), offsetMinutes = (long)clock.Offset.TotalMinutes }));
        return app;
    }

    private static FileStreamHttpResult ServePlayground()
    {
        var stream = typeof(LocalChannelEndpoints).Assembly.GetManifestResourceStream("CoachBot.Host.Local.Playground.index.html")
            ?? throw new InvalidOperationException("The playground page is missing from the build.");
        return TypedResults.Stream(stream, "text/html; charset=utf-8");
    }

    private static async Task<IResult> PostMessageAsync(
        HttpRequest request,
        ConversationEngine engine,
        IDeliveryLedger ledger,
        TeamReflectionService reflections,
        LocalDownloads downloads,
        IOptions<LocalOptions> options,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var (body, failure) = await ReadJsonAsync<LocalMessageRequest>(request, options.Value.MaxBodyBytes, json.Value.SerializerOptions, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (Validate(body!) is { } problem)
        {
            return Bad(problem);
        }

        var turn = new IncomingTurn
        {
            User = new UserRef(LocalChannel.Name, LocalChannel.Tenant, body!.UserId!),
            ConversationId = body.ChannelId ?? body.UserId,
            TurnId = body.MessageId,
            Text = body.Action is null ? body.Text ?? string.Empty : null,
            Action = body.Action is { } a ? new TurnAction(a.Id!, a.Values ?? []) : null,
            Locale = body.Locale,
            TimeZoneHint = body.TimeZone,
            DisplayName = body.UserId,
        };

        try
        {
            // Same rule as every edge: record the id before the side effect, so a resend does nothing.
            if (body.MessageId is { Length: > 0 } messageId && !await ledger.TryRecordAsync(turn.User, $"local:{messageId}", cancellationToken))
            {
                return TypedResults.Ok(new LocalMessageResponse([], Duplicate: true));
            }

            // A local channel has no member list to ask, so posting in it is what makes someone a member.
            if (body.ChannelId is { } channelId)
            {
                await reflections.RecordMemberAsync(TeamChannel.For(turn.User, channelId), turn.User, cancellationToken);
            }
        }
        catch (StoreUnavailableException)
        {
            return TypedResults.Problem("Storage is unreachable, so the message was not processed. Try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable");
        }

        var replies = await engine.HandleAsync(turn, cancellationToken);
        return TypedResults.Ok(new LocalMessageResponse([.. replies.Select(r => LocalReply.From(r, downloads))], Duplicate: false));
    }

    private static IResult GetFile(string token, LocalDownloads downloads, HttpResponse response)
    {
        if (downloads.Find(token) is not { } file)
        {
            return TypedResults.Problem(
                $"This download link is unknown or has expired (links work for {LocalDownloads.Lifetime.TotalMinutes:0} minutes). Ask the bot again for a fresh one, e.g. send export.",
                statusCode: StatusCodes.Status404NotFound,
                title: "File not found");
        }

        // Exports are personal data: no browser or proxy cache may keep a copy once the link has expired.
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(file.Content.ToArray(), file.MediaType, file.FileName);
    }

    private static IResult GetInbox(string userId, LocalInbox inbox) =>
        UserIdPattern().IsMatch(userId.StartsWith('#') ? userId[1..] : userId)
            ? TypedResults.Ok(new { messages = inbox.Read(userId) })
            : Bad("userId must be 1-64 letters, digits, '.', '_', '-' or '@' (or #channel for a channel's posts).");

    private static async Task<IResult> PostClockAsync(
        HttpRequest request,
        LocalClock clock,
        DueIndexDispatcher dispatcher,
        IOptions<LocalOptions> options,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var (body, failure) = await ReadJsonAsync<LocalClockRequest>(request, options.Value.MaxBodyBytes, json.Value.SerializerOptions, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (body!.AdvanceMinutes is not { } minutes || minutes < 1 || minutes > MaxAdvanceMinutes)
        {
            return Bad($"advanceMinutes must be a whole number from 1 to {MaxAdvanceMinutes}, e.g. {{\"advanceMinutes\":60}}. The clock only moves forward.");
        }

        var now = clock.Advance(TimeSpan.FromMinutes(minutes));

        // A jumped clock wakes no timer, so the scheduler runs now, before the answer: whatever became due is in the
        // inboxes when the caller looks (docs/decisions/0014-scheduler.md).
        var summary = await dispatcher.RunOnceAsync(cancellationToken);
        return TypedResults.Ok(new
        {
            now,
            offsetMinutes = (long)clock.Offset.TotalMinutes,
            scheduled = summary.Outcomes.ToDictionary(o => JsonNamingPolicy.CamelCase.ConvertName(o.Key.ToString()), o => o.Value),
        });
    }

    private static string? Validate(LocalMessageRequest body)
    {
        if (string.IsNullOrWhiteSpace(body.UserId) || !UserIdPattern().IsMatch(body.UserId))
        {
            return "userId is required: 1-64 letters, digits, '.', '_', '-' or '@', e.g. {\"userId\":\"alice\",\"text\":\"help\"}.";
        }

        if (body.Action is not null && body.Text is not null)
        {
            return "Send either text or action, not both.";
        }

        if (body.Action is { } action && (string.IsNullOrWhiteSpace(action.Id) || action.Id.Length > MaxActionIdLength))
        {
            return $"action.id is required (at most {MaxActionIdLength} characters), e.g. {{\"action\":{{\"id\":\"habit.done\",\"values\":{{}}}}}}.";
        }

        if (body.ChannelId is not null && (!ChannelIdPattern().IsMatch(body.ChannelId) || body.ChannelId.Trim('#').Length == 0))
        {
            return "channelId is optional (leave it out for a direct message); when sent it must be 1-80 letters, digits, '#', '-' or '_', e.g. {\"userId\":\"alice\",\"channelId\":\"#team-a\",\"text\":\"hello\"}.";
        }

        if (body.MessageId is { Length: > 200 })
        {
            return "messageId must be at most 200 characters.";
        }

        return null;
    }

    /// <summary>
    /// Reads and parses a JSON body of at most <paramref name="maxBytes"/>: 413 past the cap (checked while reading,
    /// so a chunked body cannot sneak past a missing Content-Length), 400 for anything that is not the expected JSON.
    /// </summary>
    private static async Task<(T? Body, IResult? Failure)> ReadJsonAsync<T>(
        HttpRequest request, int maxBytes, JsonSerializerOptions serializerOptions, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, Bad("The request body is empty; send a JSON object."));
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(buffer.ToArray(), serializerOptions);
            return body is null ? (null, Bad("The request body must be a JSON object, not null.")) : (body, null);
        }
        catch (JsonException ex)
        {
            // The parser's message names the line and position and never echoes the body back.
            return (null, Bad($"The request body is not valid JSON for this endpoint: {ex.Message}"));
        }
    }

    private static ProblemHttpResult Bad(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    private static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem($"The request body is larger than {maxBytes} bytes; send a shorter message.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex UserIdPattern();

    [GeneratedRegex("^[A-Za-z0-9#_-]{1,80}$")]
    private static partial Regex ChannelIdPattern();
}
