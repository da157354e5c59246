using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Teams.Cards;

/// <summary>Registers the Adaptive Card renderer.</summary>
public static class AdaptiveCardsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="AdaptiveCardRenderer"/> as the singleton <see cref="IAdaptiveCardRenderer"/>.</summary>
    public static IServiceCollection AddTeamsCards(this IServiceCollection services)
    {
        services.TryAddSingleton<AdaptiveCardRenderer>();
        services.TryAddSingleton<IAdaptiveCardRenderer>(sp => sp.GetRequiredService<AdaptiveCardRenderer>());
        return services;
    }
}
