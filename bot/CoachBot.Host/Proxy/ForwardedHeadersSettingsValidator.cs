using Microsoft.Extensions.Options;

namespace CoachBot.Host.Proxy;

/// <summary>Checks <see cref="ForwardedHeadersSettings"/> at start-up with messages that name the setting and the fix.</summary>
public sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hosts = options.AllowedHostList;
        if (options.Enabled && hosts.Count == 0)
        {
            return ValidateOptionsResult.Fail("ForwardedHeaders:AllowedHosts is empty while ForwardedHeaders:Enabled is true; list the public host names the proxy forwards, comma-separated (e.g. coachbot.example.com).");
        }

        var bad = hosts.FirstOrDefault(h => h.Contains('/', StringComparison.Ordinal) || h.Contains(':', StringComparison.Ordinal) || Uri.CheckHostName(h.Replace("*.", string.Empty, StringComparison.Ordinal)) != UriHostNameType.Dns);
        return bad is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"ForwardedHeaders:AllowedHosts has '{bad}', which is not a host name; give names only, without https:// or a path or port (e.g. coachbot.example.com).");
    }
}
