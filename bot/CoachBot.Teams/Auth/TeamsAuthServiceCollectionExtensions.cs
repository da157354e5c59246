using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Teams.Auth;

/// <summary>DI wiring for inbound Teams token validation.</summary>
public static class TeamsAuthServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITeamsTokenValidator"/> as a singleton <see cref="TeamsTokenValidator"/> (it caches the OpenID
    /// metadata). Needs <c>IOptions&lt;TeamsOptions&gt;</c> and a <see cref="TimeProvider"/> registered elsewhere.
    /// </summary>
    public static IServiceCollection AddTeamsAuth(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(TeamsTokenValidator.HttpClientName);
        services.TryAddSingleton<ITeamsTokenValidator, TeamsTokenValidator>();
        return services;
    }
}
