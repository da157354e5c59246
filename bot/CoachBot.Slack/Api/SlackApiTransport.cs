using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Api;

/// <summary>
/// Sends <see cref="SlackRequest"/>s: waits for the local limiter, honours 429 Retry-After within
/// <see cref="SlackOptions.MaxAttempts"/> and <see cref="SlackOptions.MaxRetryAfter"/>, retries 5xx and network
/// failures a few times with a short backoff, and turns <c>ok:false</c> into <see cref="SlackApiException"/>.
/// </summary>
internal sealed class SlackApiTransport(
    IHttpClientFactory httpClients,
    IOptions<SlackOptions> options,
    SlackRateLimits limits,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>The name of the <see cref="HttpClient"/> used for Slack.</summary>
    public const string HttpClientName = "CoachBot.Slack.Api";

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly Meter Meter = new("CoachBot.Slack");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "coachbot.slack.api.calls", description: "Slack Web API attempts by method and outcome.");

    /// <summary>Sends the request and returns Slack's answer (an empty object for a non-JSON response_url answer).</summary>
    public async Task<JsonObject> SendAsync(SlackRequest request, CancellationToken cancellationToken)
    {
        var maxAttempts = Math.Max(1, options.Value.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            if (request.LimiterTeam is not null)
            {
                await limits.WaitAsync(request.LimiterTeam, request.Method, request.Channel, cancellationToken);
            }

            var (response, failure) = await TrySendAsync(request, cancellationToken);
            using (response)
            {
                var last = attempt >= maxAttempts;
                if (response is null || (int)response.StatusCode >= 500)
                {
                    var error = response is null ? "unreachable" : $"http_{(int)response.StatusCode}";
                    Count(request.Method, error);
                    if (last || !request.RetryAmbiguous)
                    {
                        throw new SlackApiException(
                            request.Method,
                            error,
                            $"Slack {request.Method} failed with {error} after {attempt} attempt(s); Slack may or may not have applied it. Check the network and Slack's status, then try again.",
                            failure);
                    }

                    var backoff = FirstBackoff * Math.Pow(2, attempt - 1);
                    logger.LogWarning(
                        "Slack {Method} for team {Team} failed with {Error} on attempt {Attempt}; retrying in {Delay} ms",
                        request.Method, request.TeamLabel, error, attempt, backoff.TotalMilliseconds);
                    await Task.Delay(backoff, time, cancellationToken);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Count(request.Method, "ratelimited");
                    var wait = RetryAfter(response);
                    if (last || wait > options.Value.MaxRetryAfter)
                    {
                        logger.LogWarning(
                            "Slack {Method} for team {Team} is rate limited on attempt {Attempt} (Retry-After {Seconds} s); giving up",
                            request.Method, request.TeamLabel, attempt, wait.TotalSeconds);
                        throw new SlackApiException(
                            request.Method,
                            "ratelimited",
                            $"Slack rate limited {request.Method} (asked to wait {wait.TotalSeconds:0} s) after {attempt} attempt(s); the call can be tried again later.");
                    }

                    logger.LogWarning(
                        "Slack {Method} for team {Team} is rate limited on attempt {Attempt}; retrying after {Seconds} s",
                        request.Method, request.TeamLabel, attempt, wait.TotalSeconds);
                    await Task.Delay(wait, time, cancellationToken);
                    continue;
                }

                return await ReadAnswerAsync(request, response, attempt, cancellationToken);
            }
        }
    }

    private async Task<(HttpResponseMessage? Response, Exception? Failure)> TrySendAsync(
        SlackRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url) { Content = request.Content() };
        message.Headers.Authorization = request.Authorization;
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return (response, null);
        }
        catch (HttpRequestException ex)
        {
            return (null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed: treat as a network failure, not as the caller cancelling.
            return (null, ex);
        }
    }

    private async Task<JsonObject> ReadAnswerAsync(
        SlackRequest request, HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var code = $"http_{(int)response.StatusCode}";
            Count(request.Method, code);
            logger.LogWarning(
                "Slack {Method} for team {Team} answered {Error} on attempt {Attempt}",
                request.Method, request.TeamLabel, code, attempt);
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
            logger.LogDebug("Slack {Method} for team {Team} succeeded on attempt {Attempt}", request.Method, request.TeamLabel, attempt);
            return answer;
        }

        var error = SlackAnswer.String(answer, "error") ?? "unknown_error";
        Count(request.Method, error);
        logger.LogWarning(
            "Slack {Method} for team {Team} failed with {Error} on attempt {Attempt}",
            request.Method, request.TeamLabel, error, attempt);
        throw new SlackApiException(request.Method, error, SlackErrorText.Describe(request.Method, error, Details(answer)));
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return DefaultRetryAfter;
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
