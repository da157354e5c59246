using CoachBot.Core.Delivery;
using CoachBot.Core.Reflections;
using CoachBot.Teams.Auth;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Inbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams;

/// <summary>Wires the Teams edge. The host maps <c>/api/messages</c> only with an app id or in local mode.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddCoachBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddTeamsAuth();
        services.AddTeamsCards();
        services.AddTeamsConnector();
        services.AddSingleton<TeamsReflectionTurns>();
        services.AddSingleton<TeamsActivityHandler>();

        // Team reflections in Teams channels (docs/decisions/0040-teams-channel-reflections.md).
        services.AddSingleton<IChannelRoster, TeamsChannelRoster>();
        services.AddSingleton<ITeamChannelPoster, TeamsChannelPoster>();
        return services;
    }
}
