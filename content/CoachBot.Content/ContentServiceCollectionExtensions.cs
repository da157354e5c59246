using CoachBot.Content.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Content;

/// <summary>Registers the coaching content.</summary>
public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// Loads and validates the content once, now: a broken file must stop start-up with its file, line and reason,
    /// not surface later as a half-working command.
    /// </summary>
    public static IServiceCollection AddCoachBotContent(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new ContentOptions();
        configuration.GetSection(ContentOptions.SectionName).Bind(options);
        var library = ContentLoader.Load(options.ResolvedPath);
        services.AddSingleton<Model.ContentLibrary>(library);
        return services;
    }
}
