using CoachBot.Slack;
using CoachBot.Teams;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Host;

/// <summary>
/// Validates the Slack and Teams settings at start, like every other section. Registered by the host, which decides
/// the mode (Local/HostMode.cs), so the channel projects' registration stays as it is.
/// </summary>
public static class ChannelOptionsValidation
{
    public static IServiceCollection AddCoachBotChannelOptionsValidation(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.AddOptions<TeamsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        return services;
    }
}
