using CoachBot.Core.Telemetry;
using CoachBot.Slack.Api;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack;

/// <summary>Registers the Slack Web API client and the proactive Slack sender.</summary>
public static class SlackApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the named HttpClient <see cref="SlackApiClient.HttpClientName"/>, <see cref="SlackApiClient"/> as the
    /// singleton <see cref="ISlackApiClient"/>, and <see cref="SlackChannelSender"/> (as itself). Expects
    /// IOptions&lt;SlackOptions&gt;, TimeProvider, ISlackTokenSource, IBlockKitRenderer and
    /// IConversationReferenceStore to be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddSlackApiClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(SlackApiClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler(PlatformCallMetricsHandler.ForSlack); // last, so it counts each attempt (docs/operations.md)
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<ISlackApiClient>(sp => sp.GetRequiredService<SlackApiClient>());
        services.AddSingleton<SlackChannelSender>();
        return services;
    }
}
