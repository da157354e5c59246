using CoachBot.Core.Delivery;
using CoachBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Teams.Connector;

/// <summary>DI registration of the outbound side of the Teams edge.</summary>
public static class TeamsConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the connector client, MSAL token provider, serviceUrl trust, the reply outbox and its retry worker
    /// (which need an <c>IInbox</c>), and the proactive
    /// <see cref="TeamsChannelSender"/> (also as an <see cref="IChannelSender"/>). Expects
    /// <c>IOptions&lt;TeamsOptions&gt;</c>, the stores and an <c>IAdaptiveCardRenderer</c> to be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddTeamsConnector(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(TeamsConnectorClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler(PlatformCallMetricsHandler.ForTeams); // last, so it counts each attempt (docs/operations.md)
        services.AddHttpClient(MsalTeamsAccessTokenProvider.EntraHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TeamsServiceUrlTrust>();
        services.TryAddSingleton<ITeamsAccessTokenProvider, MsalTeamsAccessTokenProvider>();
        services.TryAddSingleton<ITeamsConnectorClient, TeamsConnectorClient>();
        services.TryAddSingleton<TeamsReplyOutbox>();
        services.AddHostedService<TeamsReplyRetryWorker>();
        services.TryAddSingleton<TeamsChannelSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TeamsChannelSender>());
        return services;
    }
}
