using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;

namespace CoachBot.Core.Resilience;

/// <summary>
/// The one resilience pipeline every platform's HttpClient uses (ADR 0029), per host: a total timeout, retries of
/// transient failures (408, 429, 500, 502, 503, 504, connection failures, attempt timeouts) honouring Retry-After up
/// to <see cref="PlatformResilienceSettings.MaxRetryAfter"/>, a circuit breaker, and a per-attempt timeout; inside
/// it, <see cref="AttemptBudgetHandler"/> charges every attempt to the delivery's <see cref="AttemptBudget"/>.
/// </summary>
public static partial class PlatformResilience
{
    /// <summary>
    /// Set on a request that must not be sent twice blindly (Slack's chat.postMessage has no idempotency key): only
    /// answers that prove it was not applied (429, a refused connection) are retried.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> RetryOnlyWhenNotApplied = new("CoachBot.RetryOnlyWhenNotApplied");

    /// <summary>
    /// Set on a request whose server says plainly when it failed (the Bot Connector's activity POST, which has no
    /// idempotency key either): failure answers (408, 429, 500, 502, 503) and a refused connection are retried, but
    /// never an answer that may hide a success (a 504 from a gateway, an attempt that timed out, a connection that
    /// dropped after the request went out), so a slow connector that stored the message does not get it twice.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> RetryOnlyAnsweredFailures = new("CoachBot.RetryOnlyAnsweredFailures");

    private const string PipelineName = "platform";

    /// <summary>Adds the pipeline and the budget handler to the client; call once per platform client.</summary>
    public static IHttpClientBuilder AddPlatformResilience(
        this IHttpClientBuilder builder, Func<IServiceProvider, PlatformResilienceSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);

        // HttpClient's own timeout is only a backstop behind the pipeline's total timeout.
        builder.ConfigureHttpClient((services, client) => client.Timeout = settings(services).TotalTimeout + TimeSpan.FromSeconds(10));
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var options = settings(context.ServiceProvider);
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = context.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(PlatformResilience).FullName!)
                ?? NullLogger.Instance;
            pipeline.TimeProvider = time;
            pipeline
                .AddTimeout(options.TotalTimeout)
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(0, options.MaxAttempts - 1),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.FirstBackoff,
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, time)),
                    DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time.GetUtcNow())),
                    OnRetry = args =>
                    {
                        LogRetry(
                            logger,
                            options.Platform,
                            args.Context.GetRequestMessage()?.RequestUri?.Host ?? "?",
                            Describe(args.Outcome),
                            args.AttemptNumber + 1,
                            (long)args.RetryDelay.TotalMilliseconds);
                        return default;
                    },
                })
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = TimeSpan.FromSeconds(15),
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests),
                })
                .AddTimeout(options.AttemptTimeout);
        }).SelectPipelineByAuthority();
        builder.AddHttpMessageHandler(() => new AttemptBudgetHandler());
        return builder;
    }

    /// <summary>408, 429, 500, 502, 503, 504, a failed connection or an attempt that timed out.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result?.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait a Retry-After header asks for (seconds or a date), or null when there is none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - now < TimeSpan.Zero ? TimeSpan.Zero : date - now,
        _ => null,
    };

    private static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome, ResilienceContext context, PlatformResilienceSettings options, TimeProvider time)
    {
        if (!IsTransient(outcome) || AttemptBudget.Current is { Remaining: 0 })
        {
            return false;
        }

        if (RetryAfter(outcome.Result, time.GetUtcNow()) > options.MaxRetryAfter)
        {
            return false;
        }

        var request = context.GetRequestMessage();
        if (request is not null && request.Options.TryGetValue(RetryOnlyWhenNotApplied, out var careful) && careful)
        {
            return outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests || NeverSent(outcome);
        }

        if (request is not null && request.Options.TryGetValue(RetryOnlyAnsweredFailures, out var answered) && answered)
        {
            return outcome.Result is { StatusCode: not HttpStatusCode.GatewayTimeout } || NeverSent(outcome);
        }

        return true;
    }

    /// <summary>The connection was refused or the name did not resolve: the request never reached the server.</summary>
    private static bool NeverSent(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : outcome.Exception is HttpRequestException http ? http.HttpRequestError.ToString()
        : outcome.Exception?.GetType().Name ?? "?";

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} call to {Host} failed with {Outcome} on attempt {Attempt}; retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string platform, string host, string outcome, int attempt, long delayMs);
}
