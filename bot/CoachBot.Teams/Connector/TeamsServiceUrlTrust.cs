using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Where the connector client may send replies, nudges and tokens. A serviceUrl must name one of Microsoft's Bot
/// Connector / Teams service hosts of <see cref="TeamsOptions.Cloud"/> over https (loopback only with
/// <see cref="TeamsOptions.AllowLoopbackServiceUrls"/>, for tests), and must have been seen in a JWT-validated
/// activity of this process or in a stored conversation reference.
/// </summary>
public sealed class TeamsServiceUrlTrust
{
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.Ordinal);
    private readonly TeamsOptions _options;

    /// <summary>Creates the trust for the configured cloud.</summary>
    public TeamsServiceUrlTrust(IOptions<TeamsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <summary>
    /// True when <paramref name="serviceUrl"/> is an https URL on one of the cloud's service hosts, or a loopback
    /// URL in local mode or while <see cref="TeamsOptions.AllowLoopbackServiceUrls"/> is on. Anything else is never called.
    /// </summary>
    public bool IsAllowedHost(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (!serviceUrl.IsAbsoluteUri || !string.IsNullOrEmpty(serviceUrl.UserInfo))
        {
            return false;
        }

        if (IsLoopback(serviceUrl))
        {
            // Local mode (no app id) talks to the Agents Playground on this machine and never attaches a token.
            return (_options.AllowLoopbackServiceUrls || !_options.HasAppId) && (serviceUrl.Scheme == Uri.UriSchemeHttp || serviceUrl.Scheme == Uri.UriSchemeHttps);
        }

        // A non-default port would be a different service on the same name: Microsoft's connectors listen on 443.
        return serviceUrl.Scheme == Uri.UriSchemeHttps && serviceUrl.IsDefaultPort && _options.Endpoints.IsServiceHost(serviceUrl.IdnHost);
    }

    /// <summary>Why <paramref name="serviceUrl"/> is refused, for logs and exceptions (names the host only).</summary>
    public string DescribeRefusal(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var host = serviceUrl.IsAbsoluteUri ? serviceUrl.Host : "(relative URL)";
        return IsLoopback(serviceUrl)
            ? $"serviceUrl host {host} is this machine, which Teams never uses; set Teams:AllowLoopbackServiceUrls=true only in tests."
            : $"serviceUrl host {host} is not a Microsoft Teams / Bot Connector host for Teams:Cloud={_options.Cloud} (https on port 443 only).";
    }

    /// <summary>Call after an inbound activity's JWT was validated; a host that is not allowed is never trusted.</summary>
    public void Trust(Uri serviceUrl)
    {
        if (IsAllowedHost(serviceUrl))
        {
            _trusted.TryAdd(Key(serviceUrl), 0);
        }
    }

    /// <summary>Trusts the serviceUrl of a stored conversation reference; false (not trusted) when its host is not allowed.</summary>
    public bool TrustStored(Uri serviceUrl)
    {
        Trust(serviceUrl);
        return IsTrusted(serviceUrl);
    }

    /// <summary>True when the serviceUrl's host is allowed and the URL was trusted in this process.</summary>
    public bool IsTrusted(Uri serviceUrl) => IsAllowedHost(serviceUrl) && _trusted.ContainsKey(Key(serviceUrl));

    /// <summary>True for http(s) URLs on the loopback interface (Agents Playground, test fakes).</summary>
    public static bool IsLoopback(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return serviceUrl.IsAbsoluteUri && serviceUrl.IsLoopback;
    }

    private static string Key(Uri serviceUrl)
    {
        if (!serviceUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The serviceUrl must be an absolute URL.", nameof(serviceUrl));
        }

        // Scheme and host are case-insensitive; the path is kept as is, without a trailing slash.
        return string.Concat(
            serviceUrl.Scheme.ToUpperInvariant(), "://", serviceUrl.Authority.ToUpperInvariant(),
            serviceUrl.AbsolutePath.TrimEnd('/'));
    }
}
