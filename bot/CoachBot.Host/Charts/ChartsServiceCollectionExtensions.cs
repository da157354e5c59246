using CoachBot.Core.Habits;
using CoachBot.Core.Health;
using CoachBot.Core.Missions;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>Registers the charts (progress, team health, missions): options, signing key, signed links (the core's chart ports), fonts, renderers.</summary>
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
        services.AddSingleton<SignedMissionChartLinks>();
        services.AddSingleton<IMissionChartLinks>(sp => sp.GetRequiredService<SignedMissionChartLinks>());
        services.AddSingleton<TeamHealthChartRenderer>();
        services.AddSingleton<MissionChartRenderer>();
        services.AddSingleton<ChartFonts>();
        services.AddSingleton<ProgressChartRenderer>();
        services.AddSingleton<ChartRenderCache>();
        services.AddSingleton<ChartRenderLimiter>();
        // Resolve the key and the font at start so their warnings appear in the start-up log, not on first use.
        services.AddHostedService<ChartsStartupCheck>();
        return services;
    }
}
