using CoachBot.Core.Telemetry;
using CoachBot.Core.Resilience;
using CoachBot.Slack.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack;

/// <summary>Registers the Slack Web API client and the proactive Slack sender.</summary>
public static class SlackApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the named HttpClient <see cref="SlackApiClient.HttpClientName"/> with Slack's resilience pipeline
    /// (<see cref="PlatformResilience"/>: <see cref="SlackOptions.MaxAttempts"/>, <see cref="SlackOptions.MaxRetryAfter"/>),
    /// <see cref="SlackApiClient"/> as the
    /// singleton <see cref="ISlackApiClient"/>, and <see cref="SlackChannelSender"/> (as itself). Expects
    /// IOptions&lt;SlackOptions&gt;, TimeProvider, ISlackTokenSource, IBlockKitRenderer and
    /// IConversationReferenceStore to be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddSlackApiClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(SlackApiClient.HttpClientName).AddPlatformResilience(sp =>
        {
            var slack = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
            return new PlatformResilienceSettings("slack") { MaxAttempts = slack.MaxAttempts, MaxRetryAfter = slack.MaxRetryAfter };
        }).AddHttpMessageHandler(PlatformCallMetricsHandler.ForSlack); // after the pipeline, so it counts each attempt (docs/operations.md)
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<ISlackApiClient>(sp => sp.GetRequiredService<SlackApiClient>());
        services.AddSingleton<SlackChannelSender>();
        return services;
    }
}
