using System.Collections.Concurrent;

namespace CoachBot.Teams.Connector;

/// <summary>
/// The serviceUrls the connector client may send tokens to: those seen in JWT-validated inbound activities of this
/// process, and those of stored conversation references (which were saved from validated activities).
/// </summary>
public sealed class TeamsServiceUrlTrust
{
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.Ordinal);

    /// <summary>Call after an inbound activity's JWT was validated (its serviceurl claim matched).</summary>
    public void Trust(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        _trusted.TryAdd(Key(serviceUrl), 0);
    }

    /// <summary>Trusts the serviceUrl of a conversation reference loaded from the store.</summary>
    public void TrustStored(Uri serviceUrl) => Trust(serviceUrl);

    /// <summary>True when the serviceUrl was trusted in this process.</summary>
    public bool IsTrusted(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return _trusted.ContainsKey(Key(serviceUrl));
    }

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
