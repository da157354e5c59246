using CoachBot.Teams.Auth;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Inbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Teams;

/// <summary>Wires the Teams edge. The host maps <c>/api/messages</c> only with an app id or in local mode.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddCoachBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddTeamsAuth();
        services.AddTeamsCards();
        services.AddTeamsConnector();
        services.AddSingleton<TeamsActivityHandler>();
        return services;
    }
}
