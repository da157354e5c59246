using CoachBot.Core.Installations;
using CoachBot.Slack.Api;
using CoachBot.Slack.SocketMode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Install;

/// <summary>Registers the Slack install side: token protection, token source, installation service and Socket Mode.</summary>
public static class SlackInstallServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SlackInstallOptions"/> (section <c>Slack</c>, validated at start), <see cref="SlackTokenProtector"/>,
    /// <see cref="SlackTokenSource"/> as <see cref="ISlackTokenSource"/>, <see cref="SlackInstallationService"/>,
    /// <see cref="SlackOAuthState"/> for <see cref="SlackInstallEndpoints.MapSlackInstall"/>, and
    /// <see cref="SlackSocketModeClient"/> as a hosted service when <c>Slack:AppToken</c> is set. Expects
    /// <see cref="ISlackApiClient"/>, the inbound dispatcher, the installation store, <see cref="TimeProvider"/> and
    /// <see cref="SlackOptions"/> to be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddSlackInstall(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackInstallOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackInstallOptions>, SlackInstallOptionsValidator>());
        services.TryAddSingleton<SlackTokenProtector>();
        services.TryAddSingleton<SlackTokenSource>();
        services.TryAddSingleton<ISlackTokenSource>(sp => sp.GetRequiredService<SlackTokenSource>());
        services.TryAddSingleton<UninstallMarks>();
        services.TryAddSingleton<SlackInstallationService>();
        services.TryAddSingleton<SlackOAuthState>();

        services.AddOptions<SlackSocketModeOptions>()
            .Bind(configuration.GetSection(SlackSocketModeOptions.SectionName))
            .Validate(
                o => o.MinReconnectDelay > TimeSpan.Zero && o.MaxReconnectDelay >= o.MinReconnectDelay && o.DrainTimeout > TimeSpan.Zero && o.MaxDisconnected > TimeSpan.Zero,
                "Slack:SocketMode needs MinReconnectDelay > 0, MaxReconnectDelay >= MinReconnectDelay, DrainTimeout > 0 and MaxDisconnected > 0 (defaults: 00:00:01, 00:00:30, 00:00:05, 00:02:00).")
            .ValidateOnStart();
        if (!string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.SectionName}:{nameof(SlackInstallOptions.PreviousTokenEncryptionKey)}"]))
        {
            services.AddHostedService<SlackTokenKeyRotation>();
        }

        if (!string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.SectionName}:{nameof(SlackOptions.AppToken)}"]))
        {
            services.AddHostedService<SlackSocketModeClient>();
            services.TryAddSingleton<SocketModeStatus>();
            services.AddHealthChecks().AddCheck<SocketModeReadinessCheck>(SocketModeReadinessCheck.Name, tags: ["ready"]);
        }

        return services;
    }
}
