using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Slack.BlockKit;

/// <summary>Registers the Block Kit renderer.</summary>
public static class BlockKitServiceCollectionExtensions
{
    /// <summary>Adds <see cref="BlockKitRenderer"/> as the singleton <see cref="IBlockKitRenderer"/>.</summary>
    public static IServiceCollection AddSlackBlockKit(this IServiceCollection services)
    {
        services.TryAddSingleton<IBlockKitRenderer, BlockKitRenderer>();
        return services;
    }
}
