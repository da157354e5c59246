using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>Registers progress charts: options, signing key, signed links (the core's chart port), fonts, renderer.</summary>
public static class ChartsServiceCollectionExtensions
{
    public static IServiceCollection AddCoachBotCharts(this IServiceCollection services)
    {
        services.AddOptions<ChartsOptions>().BindConfiguration(ChartsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChartsOptions>, ChartsOptionsValidator>();
        services.AddSingleton<ChartSigningKey>();
        services.AddSingleton<SignedProgressChartLinks>();
        services.AddSingleton<IProgressChartLinks>(sp => sp.GetRequiredService<SignedProgressChartLinks>());
        services.AddSingleton<SignedTeamHealthChartLinks>();
        services.AddSingleton<ITeamHealthChartLinks>(sp => sp.GetRequiredService<SignedTeamHealthChartLinks>());
        services.AddSingleton<TeamHealthChartRenderer>();
        services.AddSingleton<ChartFonts>();
        services.AddSingleton<ProgressChartRenderer>();
        services.AddSingleton<ChartRenderCache>();
        services.AddSingleton<ChartRenderLimiter>();
        // Resolve the key and the font at start so their warnings appear in the start-up log, not on first use.
        services.AddHostedService<ChartsStartupCheck>();
        return services;
    }
}
