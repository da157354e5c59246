using CoachBot.Core.Delivery;
using CoachBot.Core.Telemetry;
using CoachBot.Core.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Teams.Connector;

/// <summary>DI registration of the outbound side of the Teams edge.</summary>
public static class TeamsConnectorServiceCollectionExtensions
{
    /// <summary>Attempts per connector call, the first included.</summary>
    public const int MaxAttempts = 4;

    private static readonly PlatformResilienceSettings Resilience = new("msteams")
    {
        MaxAttempts = MaxAttempts,
        MaxRetryAfter = TimeSpan.FromMinutes(1),
        TotalTimeout = TimeSpan.FromMinutes(3),
    };

    /// <summary>
    /// Registers the connector client, MSAL token provider, serviceUrl trust, the reply outbox and its retry worker
    /// (which need an <c>IInbox</c>), the personal chats and the proactive
    /// <see cref="TeamsChannelSender"/> (also as an <see cref="IChannelSender"/>). Expects
    /// <c>IOptions&lt;TeamsOptions&gt;</c>, the stores (conversation references, users, reflections, team channel
    /// addresses) and an <c>IAdaptiveCardRenderer</c> to be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddTeamsConnector(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddTeamsConnectorHttpClient();
        services.AddHttpClient(MsalTeamsAccessTokenProvider.EntraHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<TeamsServiceUrlTrust>();
        services.TryAddSingleton<ITeamsAccessTokenProvider, MsalTeamsAccessTokenProvider>();
        services.TryAddSingleton<ITeamsConnectorClient, TeamsConnectorClient>();
        services.TryAddSingleton<TeamsReplyOutbox>();
        services.AddHostedService<TeamsReplyRetryWorker>();
        services.TryAddSingleton<TeamsPersonalChats>();
        services.TryAddSingleton<TeamsChannelSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TeamsChannelSender>());
        return services;
    }

    /// <summary>
    /// Adds the named HttpClient <see cref="TeamsConnectorClient.HttpClientName"/> with the Bot Connector's resilience
    /// pipeline (<see cref="PlatformResilience"/>): at most <see cref="MaxAttempts"/> attempts per call, Retry-After
    /// (429, 503) honoured up to a minute. The one place the connector's HttpClient is configured.
    /// </summary>
    public static IServiceCollection AddTeamsConnectorHttpClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(TeamsConnectorClient.HttpClientName).AddPlatformResilience(_ => Resilience)
            .AddHttpMessageHandler(PlatformCallMetricsHandler.ForTeams); // after the pipeline, so it counts each attempt (docs/operations.md)
        return services;
    }
}
