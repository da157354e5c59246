using CoachBot.Core.Privacy;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Exports;

/// <summary>Registers export download links: options, the signed links (the core's <see cref="IExportLinks"/> port).</summary>
public static class ExportsServiceCollectionExtensions
{
    public static IServiceCollection AddCoachBotExports(this IServiceCollection services)
    {
        services.AddOptions<ExportsOptions>().BindConfiguration(ExportsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExportsOptions>, ExportsOptionsValidator>();
        services.AddSingleton<SignedExportLinks>();
        services.AddSingleton<IExportLinks>(sp => sp.GetRequiredService<SignedExportLinks>());
        return services;
    }
}
