namespace CoachBot.Host.Proxy;

/// <summary>
/// Trusting the platform's proxy (configuration section <c>ForwardedHeaders</c>): behind Azure Container Apps'
/// ingress the request reaches the host as plain http from an address not known in advance, with the client's scheme
/// and host in <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>. Off by default, so a client talking to the host
/// directly cannot change its scheme or host; docs/decisions/0031-public-pages-and-proxy.md.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>
    /// Apply <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c> from the proxy in front (one hop, from any address;
    /// never <c>X-Forwarded-For</c>, since the peer address gates the loopback-only endpoints). Only where every request comes through that proxy: the infra/ template sets it.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Comma-separated host names a forwarded host may be (e.g. coachbot.example.com,ca-web.example.azurecontainerapps.io);
    /// a forwarded host not on the list is ignored (the request keeps its own Host). Required when <see cref="Enabled"/>.
    /// </summary>
    public string? AllowedHosts { get; set; }

    /// <summary><see cref="AllowedHosts"/> as a list, trimmed, empty entries dropped.</summary>
    public IReadOnlyList<string> AllowedHostList =>
        (AllowedHosts ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
