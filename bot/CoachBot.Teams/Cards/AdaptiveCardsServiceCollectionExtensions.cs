using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Teams.Cards;

/// <summary>Registers the Adaptive Card renderer.</summary>
public static class AdaptiveCardsServiceCollectionExtensions
{
    public static IServiceCollection AddTeamsCards(this IServiceCollection services)
    {
        services.TryAddSingleton<AdaptiveCardRenderer>();
        services.TryAddSingleton<IAdaptiveCardRenderer>(sp => sp.GetRequiredService<AdaptiveCardRenderer>());
        return services;
    }
}
