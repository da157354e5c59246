using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Proxy;

/// <summary>
/// Takes the client's scheme and host from the platform's proxy when <see
/// cref="ForwardedHeadersSettings.Enabled"/>, so OAuth cookies are Secure and absolute links use https and the public
/// host; docs/decisions/0031-public-pages-and-proxy.md.
/// </summary>
public static class ForwardedHeadersExtensions
{
    public static IServiceCollection AddCoachBotForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            // Not X-Forwarded-For: the peer address gates the local API and anonymous Teams (loopback only), and a
            // forwarded one would let a remote caller claim 127.0.0.1 (attack review); nothing else reads it.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Container Apps' ingress reaches the replica from an address inside the environment that is not known in
            // advance, so any sender is trusted; Enabled is set only where the proxy is the only way in.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            // Only the proxy's own entry (the last): what a client put in front of it is never used.
            options.ForwardLimit = 1;
            options.AllowedHosts = [.. settings.Value.AllowedHostList];
        });
        return services;
    }

    /// <summary>Adds the forwarded-headers middleware when enabled; call it before anything reads the scheme or host.</summary>
    public static WebApplication UseCoachBotForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Read the flag only: the settings are validated with the others by the start-up check, which reports a
        // mistake as one line; resolving the options here would throw before it.
        if (bool.TryParse(app.Configuration[$"{ForwardedHeadersSettings.SectionName}:{nameof(ForwardedHeadersSettings.Enabled)}"], out var enabled) && enabled)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
