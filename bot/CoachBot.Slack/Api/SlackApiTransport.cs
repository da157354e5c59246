using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace CoachBot.Slack.Api;

/// <summary>
/// Sends <see cref="SlackRequest"/>s: waits for the local limiter, sends once through the Slack HttpClient (whose
/// resilience pipeline retries 429 after Retry-After, 5xx and network failures; ADR 0029), and turns what still
/// failed, and <c>ok:false</c>, into <see cref="SlackApiException"/>.
/// </summary>
internal sealed class SlackApiTransport(
    IHttpClientFactory httpClients,
    SlackRateLimits limits,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>The name of the <see cref="HttpClient"/> used for Slack.</summary>
    public const string HttpClientName = "CoachBot.Slack.Api";

    private static readonly Meter Meter = new("CoachBot.Slack");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "coachbot.slack.api.calls", description: "Slack Web API calls by method and outcome.");

    /// <summary>Sends the request and returns Slack's answer (an empty object for a non-JSON response_url answer).</summary>
    public async Task<JsonObject> SendAsync(SlackRequest request, CancellationToken cancellationToken)
    {
        if (request.LimiterTeam is not null)
        {
            await limits.WaitAsync(request.LimiterTeam, request.Method, request.Channel, cancellationToken);
        }

        using var response = await TrySendAsync(request, cancellationToken);
        if ((int)response.StatusCode >= 500)
        {
            var error = $"http_{(int)response.StatusCode}";
            Count(request.Method, error);
            logger.LogWarning("Slack {Method} for team {Team} failed with {Error}", request.Method, request.TeamLabel, error);
            throw new SlackApiException(
                request.Method,
                error,
                $"Slack {request.Method} failed with {error}; Slack may or may not have applied it. Check Slack's status, then try again.");
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Count(request.Method, "ratelimited");
            var wait = PlatformResilience.RetryAfter(response, time.GetUtcNow()) ?? TimeSpan.Zero;
            logger.LogWarning(
                "Slack {Method} for team {Team} is still rate limited (Retry-After {Seconds} s); giving up",
                request.Method, request.TeamLabel, wait.TotalSeconds);
            throw new SlackApiException(
                request.Method,
                "ratelimited",
                $"Slack rate limited {request.Method} (asked to wait {wait.TotalSeconds:0} s); the call can be tried again later.");
        }

        return await ReadAnswerAsync(request, response, cancellationToken);
    }

    private async Task<HttpResponseMessage> TrySendAsync(SlackRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url) { Content = request.Content() };
        message.Headers.Authorization = request.Authorization;
        message.Options.Set(PlatformResilience.RetryOnlyWhenNotApplied, !request.RetryAmbiguous);
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            return await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (AttemptBudgetExhaustedException ex)
        {
            Count(request.Method, "attempt_budget_spent");
            throw new SlackApiException(request.Method, "attempt_budget_spent", ex.Message, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A network failure, an attempt or total timeout, or an open circuit: not the caller cancelling.
            Count(request.Method, "unreachable");
            logger.LogWarning("Slack {Method} for team {Team} failed: unreachable ({Reason})", request.Method, request.TeamLabel, ex.GetType().Name);
            throw new SlackApiException(
                request.Method,
                "unreachable",
                $"Slack {request.Method} failed with unreachable; Slack may or may not have applied it. Check the network and Slack's status, then try again.",
                ex);
        }
    }

    private async Task<JsonObject> ReadAnswerAsync(
        SlackRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var code = $"http_{(int)response.StatusCode}";
            Count(request.Method, code);
            logger.LogWarning(
                "Slack {Method} for team {Team} answered {Error}",
                request.Method, request.TeamLabel, code);
            throw new SlackApiException(
                request.Method,
                code,
                $"Slack refused {request.Method} with HTTP {(int)response.StatusCode}; check {nameof(SlackOptions.ApiBaseUrl)} and the app's configuration.");
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var answer = ParseObject(text);
        if (answer is null)
        {
            if (!request.RequiresOkEnvelope)
            {
                Count(request.Method, "ok");
                return [];
            }

            Count(request.Method, "invalid_response");
            throw new SlackApiException(
                request.Method,
                "invalid_response",
                $"Slack answered {request.Method} with something that is not a JSON object; check {nameof(SlackOptions.ApiBaseUrl)}.");
        }

        var ok = answer["ok"] is JsonValue okValue && okValue.TryGetValue<bool>(out var isOk) ? isOk : (bool?)null;
        if (ok == true || (ok is null && !request.RequiresOkEnvelope))
        {
            Count(request.Method, "ok");
            logger.LogDebug("Slack {Method} for team {Team} succeeded", request.Method, request.TeamLabel);
            return answer;
        }

        var error = SlackAnswer.String(answer, "error") ?? "unknown_error";
        Count(request.Method, error);
        logger.LogWarning(
            "Slack {Method} for team {Team} failed with {Error}",
            request.Method, request.TeamLabel, error);
        throw new SlackApiException(request.Method, error, SlackErrorText.Describe(request.Method, error, Details(answer)));
    }

    private static JsonObject? ParseObject(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Slack's <c>response_metadata.messages</c> (explanations such as which field is invalid).</summary>
    private static IReadOnlyList<string> Details(JsonObject answer) =>
        answer["response_metadata"]?["messages"] is JsonArray messages
            ? [.. messages.OfType<JsonValue>().Select(m => m.TryGetValue<string>(out var s) ? s : null).OfType<string>()]
            : [];

    private static void Count(string method, string outcome) =>
        Calls.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("outcome", outcome));
}
